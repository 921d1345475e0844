package io.iotj.ml;

import io.iotj.stream.Operator;
import io.iotj.stream.Stream;
import io.iotj.stream.StreamOverflowException;
import io.iotj.stream.ValueFailure;
import java.util.List;

/** The {@code train} leaf: each input value is a row; each completed window emits its model. */
final class TrainOp<M> extends Operator {

    private final Stream.Reader<Object> in;
    private final Stream<M> out;
    private final Trainer<M> trainer;

    TrainOp(Stream<?> in, Stream<M> out, Trainer<M> trainer) {
        super("train", List.of(in), List.of(out));
        this.in = reader(0);
        this.out = out;
        this.trainer = trainer;
    }

    @Override
    public int step(int max) {
        int n = in.acquire(max);
        if (n == 0) {
            return 0;
        }
        for (int i = 0; i < n; i++) {
            Object v = in.get(i);
            try {
                for (M model : trainer.push(Rows.of(v))) {
                    emit(out, model);
                }
            } catch (Operator.Stopped | StreamOverflowException e) {
                throw e;
            } catch (RuntimeException e) {
                // The trainer already took this row: consume it so a retry cannot feed it twice.
                flush(out);
                in.advance(i + 1);
                throw new ValueFailure(v, e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
        flush(out);
        in.advance(n);
        return n;
    }
}
