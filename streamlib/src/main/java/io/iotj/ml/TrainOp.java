package io.iotj.ml;

import io.iotj.stream.PerValueOperator;
import io.iotj.stream.IotStream;
import io.iotj.stream.ValueFailure;
import java.util.List;

/** The {@code train} leaf: each input value is a row; each completed window emits its model. */
final class TrainOp<M> extends PerValueOperator<Object> {

    private final IotStream<M> out;
    private final Trainer<M> trainer;

    TrainOp(IotStream<?> in, IotStream<M> out, Trainer<M> trainer) {
        super("train", in, List.of(out));
        // a template's model stream was made with the default retain (1000): models can be large
        out.retainAtMost(MlStreams.MODELS_RETAINED);
        this.out = out;
        this.trainer = trainer;
    }

    /** Training takes long: a train part keeps a thread of its own rather than slowing the parts before it. */
    @Override
    protected boolean chainable() {
        return false;
    }

    @Override
    protected void accept(Object v) {
        for (M model : trainer.push(Rows.of(v))) {
            emit(out, model);
        }
    }

    /** ML's messages name the row or window already; the exception's class adds nothing. */
    @Override
    protected ValueFailure failure(Object v, RuntimeException e) {
        return new ValueFailure(v, e.getMessage() == null ? e.toString() : e.getMessage());
    }
}
