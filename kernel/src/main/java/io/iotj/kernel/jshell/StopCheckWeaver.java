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
 * Inserts a call to {@link StopCheck#check()} at the start of every method and before every backward
 * jump of snippet classes, so CPU-bound loops can be stopped per cell. Inserting a call that takes and
 * returns nothing changes neither stack heights nor frames, so no frame recomputation is needed.
 */
final class StopCheckWeaver {
    private StopCheckWeaver() {
    }

    /** The woven class file; classes newer than this ASM knows are woven as if they were the newest it knows. */
    static byte[] weave(byte[] classFile) {
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
                return new LoopCheck(super.visitMethod(access, name, descriptor, signature, exceptions));
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
