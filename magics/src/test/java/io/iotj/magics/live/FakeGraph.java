package io.iotj.magics.live;

import io.iotj.runtime.GraphStatus;
import java.util.ArrayList;
import java.util.List;

/** A graph probe driven by the test: values are appended by hand, kept in a bounded window. */
final class FakeGraph implements GraphProbe {
    static final class FakeStream implements StreamProbe {
        final String name;
        final int keep;
        final List<Object> window = new ArrayList<>();
        long count;

        FakeStream(String name, int keep) {
            this.name = name;
            this.keep = keep;
        }

        synchronized void append(Object v) {
            window.add(v);
            if (window.size() > keep) {
                window.removeFirst();
            }
            count++;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public synchronized long count() {
            return count;
        }

        @Override
        public synchronized List<?> recent(int n) {
            return List.copyOf(window.subList(Math.max(0, window.size() - n), window.size()));
        }
    }

    final String name;
    final List<StreamProbe> outputs = new ArrayList<>();
    volatile GraphStatus.State status = GraphStatus.State.RUNNING;
    volatile Failure failure;
    volatile long in;

    FakeGraph(String name, FakeStream... outs) {
        this.name = name;
        outputs.addAll(List.of(outs));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String mode() {
        return "threads";
    }

    @Override
    public GraphStatus.State status() {
        return status;
    }

    @Override
    public Failure failure() {
        return failure;
    }

    @Override
    public long valuesIn() {
        return in;
    }

    @Override
    public long valuesOut() {
        return outputs.stream().mapToLong(StreamProbe::count).sum();
    }

    @Override
    public long backlog() {
        return 0;
    }

    @Override
    public List<StreamProbe> outputs() {
        return outputs;
    }
}
