package org.reception.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * What the statistics' job costs a case: registers cases into a fresh embedded Derby through the
 * store, then times the batches that count them, full batches and the odd sizes a quiet platform
 * leaves, with the job's own thread stopped. Not a test: run it with
 * {@code bundles/case-store/benchmarks/rollup-batch-benchmark.sh [rounds]}.
 */
public final class RollupBatchBenchmark {

    private static final String[] PLACES = {"520102", "520103", "520111", "520302"};
    private static final int[] SIZES = {128, 128, 128, 128, 128, 128, 128, 128, 37, 91, 12, 63, 5, 77, 101};

    private RollupBatchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path folder = Files.createTempDirectory("rollup-batch-benchmark");
        DataSource dataSource = TestDatabase.fresh(folder);
        JdbcPetitionRepository repository = new JdbcPetitionRepository(dataSource, folder.resolve("keys"));
        RollupStatistics statistics = repository.statistics();
        statistics.stop();
        List<Double> full = new ArrayList<>();
        List<Double> odd = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (int size : SIZES) {
                for (int i = 0; i < size; i++) {
                    JdbcPetitionRepositoryTest.createIn(repository, PLACES[i % PLACES.length], "标题" + i);
                }
                long started = System.nanoTime();
                statistics.countPending(1);
                double perCase = (System.nanoTime() - started) / 1e6 / size;
                if (round > 0) { // the first round compiles the statements
                    (size == SIZES[0] ? full : odd).add(perCase);
                }
            }
        }
        repository.deactivate();
        System.out.printf("| batches of %d new cases | %.3f | %.3f |%n", SIZES[0], median(full), max(full));
        System.out.printf("| batches of 5 to 101 new cases | %.3f | %.3f |%n", median(odd), max(odd));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }
}
