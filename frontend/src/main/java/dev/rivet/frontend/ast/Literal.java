package dev.rivet.frontend.ast;

import java.math.BigInteger;

/** A literal's value. */
public sealed interface Literal {
    /** An integer; {@code suffix} is "" or a type name such as "u8". */
    record Int(BigInteger value, String suffix) implements Literal {}

    record Float(String text, String suffix) implements Literal {}

    record Bool(boolean value) implements Literal {}

    record Char(int codePoint) implements Literal {}

    record Byte(int value) implements Literal {}

    record Str(String value) implements Literal {}

    record ByteStr(byte[] value) implements Literal {}

    record CStr(String value) implements Literal {}
}
