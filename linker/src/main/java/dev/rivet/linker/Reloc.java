package dev.rivet.linker;

/** A relocation: patch the bytes at {@code offset} with {@code symbol + addend} as ELF {@code type} says. */
public record Reloc(long offset, int type, String symbol, long addend) {}
