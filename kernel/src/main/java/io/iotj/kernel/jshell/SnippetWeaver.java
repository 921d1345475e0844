package io.iotj.kernel.jshell;

import java.util.HashSet;
import java.util.Set;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites the bytecode of code a cell runs. Snippet classes get a call to {@link StopCheck#check()} at
 * the start of every method and before every backward jump, so CPU-bound loops can be stopped per cell,
 * and their exit calls refused ({@link ExitCalls}); classes of jars added to the session get the exit
 * calls refused only. Inserting a call that takes and returns nothing, or swapping a call for one with
 * the same stack effect, changes neither stack heights nor frames, so no frame recomputation is needed.
 */
final class SnippetWeaver {
    private SnippetWeaver() {
    }

    /** A snippet class, woven; classes newer than this ASM knows are woven as if they were the newest it knows. */
    static byte[] weave(byte[] classFile) {
        return weave(classFile, true);
    }

    /**
     * A class of a jar the user added, with its exit calls refused; {@code classFile} itself when it
     * names neither System nor Runtime.
     */
    static byte[] weaveLibraryClass(byte[] classFile) {
        return ExitCalls.mayCallExit(classFile) ? weave(classFile, false) : classFile;
    }

    private static byte[] weave(byte[] classFile, boolean stopChecks) {
        int major = ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
        byte[] input = classFile;
        if (major > NEWEST_KNOWN) {
            // A newer JDK than this ASM: the weave only adds a call, so read it as the newest known version
            // and restore the real version afterwards.
            input = classFile.clone();
            input[6] = (byte) (NEWEST_KNOWN >> 8);
            input[7] = (byte) NEWEST_KNOWN;
        }
        ClassReader reader = new ClassReader(input);
        ClassWriter writer = new ClassWriter(0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor exits = new ExitCalls(super.visitMethod(access, name, descriptor, signature, exceptions));
                return stopChecks ? new LoopCheck(exits) : exits;
            }
        }, 0);
        byte[] out = writer.toByteArray();
        if (major > NEWEST_KNOWN) {
            out[6] = classFile[6];
            out[7] = classFile[7];
        }
        return out;
    }

    private static final int NEWEST_KNOWN = Opcodes.V26;

    private static final class LoopCheck extends MethodVisitor {
        private final Set<Label> seen = new HashSet<>();

        LoopCheck(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            check();
        }

        @Override
        public void visitLabel(Label label) {
            seen.add(label);
            super.visitLabel(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            if (seen.contains(label)) {
                check();
            }
            super.visitJumpInsn(opcode, label);
        }

        private void check() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, StopCheck.OWNER, StopCheck.METHOD, "()V", false);
        }
    }
}
