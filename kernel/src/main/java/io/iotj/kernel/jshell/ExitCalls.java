package io.iotj.kernel.jshell;

import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites calls that would end the JVM into calls of {@link ExitGuard}, which refuse them: direct
 * calls ({@code System.exit(1)}, {@code Runtime.getRuntime().halt(1)}) and method references
 * ({@code System::exit}, {@code rt::exit}, as method-handle constants). The JDK no longer has a
 * security manager to veto an exit, so the calls are changed where they are compiled. Reflection
 * and native code are not covered.
 */
final class ExitCalls extends MethodVisitor {
    private static final String SYSTEM = "java/lang/System";
    private static final String RUNTIME = "java/lang/Runtime";
    private static final String GUARDED = "(Ljava/lang/Runtime;I)V";

    ExitCalls(MethodVisitor next) {
        super(Opcodes.ASM9, next);
    }

    /** Whether a class file may call an exit at all: its constant pool names System or Runtime. */
    static boolean mayCallExit(byte[] classFile) {
        return contains(classFile, SYSTEM.getBytes()) || contains(classFile, RUNTIME.getBytes());
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        String guard = guardFor(owner, name, descriptor);
        if (guard == null) {
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        } else {
            // Runtime's instance methods become static calls taking the receiver first: same stack effect.
            super.visitMethodInsn(Opcodes.INVOKESTATIC, ExitGuard.OWNER, guard,
                    owner.equals(SYSTEM) ? descriptor : GUARDED, false);
        }
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... args) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = guarded(out[i]);
        }
        super.visitInvokeDynamicInsn(name, descriptor, bootstrap, out);
    }

    @Override
    public void visitLdcInsn(Object value) {
        super.visitLdcInsn(guarded(value));
    }

    /** A method handle to an exit becomes a static handle to its guard (a bound receiver becomes the first argument). */
    private static Object guarded(Object constant) {
        if (!(constant instanceof Handle h)) {
            return constant;
        }
        String guard = guardFor(h.getOwner(), h.getName(), h.getDesc());
        if (guard == null) {
            return constant;
        }
        return new Handle(Opcodes.H_INVOKESTATIC, ExitGuard.OWNER, guard,
                h.getOwner().equals(SYSTEM) ? h.getDesc() : GUARDED, false);
    }

    private static String guardFor(String owner, String name, String descriptor) {
        if (!descriptor.equals("(I)V")) {
            return null;
        }
        if (owner.equals(SYSTEM) && name.equals("exit")) {
            return "systemExit";
        }
        if (owner.equals(RUNTIME) && name.equals("exit")) {
            return "runtimeExit";
        }
        if (owner.equals(RUNTIME) && name.equals("halt")) {
            return "runtimeHalt";
        }
        return null;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
