package io.iotj.ml;

import io.iotj.stream.Operator;
import io.iotj.stream.IotStream;
import io.iotj.stream.StreamOverflowException;
import io.iotj.stream.ValueFailure;
import java.util.List;
import java.util.Optional;

/**
 * The {@code predict} leaf: input 0 carries rows, input 1 models. Models are taken first in each
 * step, so a row is predicted with the newest model that reached the part before it; rows that
 * arrive before any model give no prediction.
 */
final class PredictOp<M, R> extends Operator {

    private final IotStream.Reader<Object> rows;
    private final IotStream.Reader<M> models;
    private final IotStream<R> out;
    private final Predictor<M, R> predictor;

    PredictOp(IotStream<?> rows, IotStream<? extends M> models, IotStream<R> out, Predictor<M, R> predictor) {
        super("predict", List.of(rows, models), List.of(out));
        this.rows = reader(0);
        this.models = reader(1);
        this.out = out;
        this.predictor = predictor;
    }

    @Override
    public int step(int max) {
        int m = models.acquire(max);
        if (m > 0) {
            for (int i = 0; i < m; i++) {
                M model = models.get(i);
                if (model != null) {
                    predictor.model(model);
                }
            }
            models.advance(m);
        }
        int n = rows.acquire(max);
        for (int i = 0; i < n; i++) {
            Object v = rows.get(i);
            try {
                Optional<R> p = predictor.predict(Rows.of(v));
                if (p.isPresent()) {
                    emit(out, p.get());
                }
            } catch (Operator.Stopped | StreamOverflowException e) {
                throw e;
            } catch (RuntimeException e) {
                flush(out);
                rows.advance(i + 1);
                throw new ValueFailure(v, e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
        if (n > 0) {
            flush(out);
            rows.advance(n);
        }
        return m + n;
    }
}
