package io.iotj;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.iotj.ml.*;
import io.iotj.stream.*;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A notebook importing both packages whole names {@code WindowState} without ambiguity. */
class WildcardImportsTest {

    @Test
    void oneWindowStateServesTheOperatorAndTraining() {
        IotStream<Integer> x = new IotStream<>("x");
        List<Integer> sizes = x.dynamicWindow(1, 3, 1, (List<Integer> w, WindowState s) -> s.size()).toList();
        x.extend(1, 2, 3, 4);
        assertEquals(List.of(1, 2, 3, 3), sizes);

        List<Long> starts = new ArrayList<>();
        Trainer<Integer> t = Trainer.of(TrainFunction.unsupervised((double[][] rows, Integer m, WindowState s) -> {
            starts.add(s.start());
            return rows.length;
        }), 1, 2, 2, 1);
        for (int i = 0; i < 4; i++) {
            t.push(new double[] {i});
        }
        assertEquals(List.of(0L, 1L, 2L), starts);
    }
}
