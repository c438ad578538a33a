package io.dittofs.cli.bench.run;

/** Live feedback while an iteration runs; {@link #step} is called from every worker thread. */
public interface Progress extends AutoCloseable {

    void start(String task, long totalOperations);

    void step(long bytes);

    /** Ends the current task with its measured figures. */
    void finish(double seconds, double opsPerSec, double mibPerSec);

    @Override
    void close();

    Progress NONE = new Progress() {
        @Override
        public void start(String task, long totalOperations) {
        }

        @Override
        public void step(long bytes) {
        }

        @Override
        public void finish(double seconds, double opsPerSec, double mibPerSec) {
        }

        @Override
        public void close() {
        }
    };
}
