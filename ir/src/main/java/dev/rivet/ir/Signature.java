package dev.rivet.ir;

import java.util.List;

/** A function type: parameter types and the return type ({@link Type#VOID} for none). */
public record Signature(List<Type> params, Type ret) {
    public Signature {
        params = List.copyOf(params);
    }

    public String text() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < params.size(); i++) sb.append(i == 0 ? "" : ", ").append(params.get(i));
        return sb.append(") -> ").append(ret).toString();
    }
}
