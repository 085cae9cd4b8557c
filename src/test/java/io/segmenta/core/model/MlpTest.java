package io.segmenta.core.model;

import io.segmenta.core.data.Dataset;
import io.segmenta.core.model.MlpParameters.ComputeDevice;
import io.segmenta.core.task.CancelledException;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.I18n;
import io.segmenta.core.util.UserException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The DJL/PyTorch multilayer perceptron: small seeded nets on planted data, a few epochs each. */
class MlpTest {
    static final Planted DATA = Planted.churn(3000, 7, false);

    private static TrainingOptions opts(MlpParameters mlp) {
        TrainingOptions o = TrainingOptions.defaults("customers", "churn").withAlgorithm(Algorithm.MLP);
        return o.withHyper(o.hyper().withMlp(mlp));
    }

    private static MlpParameters small() {
        return new MlpParameters(1, 16, 0.0, 12, 64, 0.01, 0, ComputeDevice.CPU);
    }

    private static double oracleAuc(TrainingOptions o) {
        TargetEncoding t = TargetEncoding.resolve(DATA.dataset, "churn", null, null);
        double[] y = t.values(DATA.dataset);
        DataSplit s = DataSplit.stratified(y, true, o.testSize(), o.validationSize(), o.seed());
        double[] yy = new double[s.test().length], p = new double[s.test().length];
        for (int i = 0; i < p.length; i++) { yy[i] = y[s.test()[i]]; p[i] = DATA.trueLogit[s.test()[i]]; }
        return Metrics.rocAuc(yy, p);
    }

    @Test
    void seededMlpReachesThePlantedAucReproduciblyWithAHistoryPerEpoch() {
        TrainingOptions o = opts(small());
        List<HistoryPoint> live = new ArrayList<>();
        TrainedModel m = ModelTrainer.train(DATA.dataset, o, TaskContext.NONE, live::add).model();
        double oracle = oracleAuc(o);
        double auc = m.info().evaluation().classification().rocAuc();
        // the planted logit is linear, so a small net on 2,160 rows comes within 0.03 of the oracle
        assertThat(auc).isGreaterThan(oracle - 0.03).isLessThanOrEqualTo(oracle + 0.01);
        assertThat(m.info().algorithm()).isEqualTo(Algorithm.MLP);
        assertThat(m.pipelines().get(0).predictor()).isInstanceOf(MlpPredictor.class);
        MlpPredictor net = (MlpPredictor) m.pipelines().get(0).predictor();
        // x1, x2 with its "is missing" input (x2 has missing values), and the one-hot plan (4 levels + other)
        assertThat(net.inputs()).isEqualTo(1 + 2 + 5);
        assertThat(net.units()).containsExactly(16, 1);
        assertThat(net.device()).isEqualTo("cpu");

        TrainingHistory h = m.info().histories().get(0);
        assertThat(h.member()).isEqualTo("mlp");
        assertThat(h.stages()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(h.lossName()).isEqualTo("log_loss");
        assertThat(h.metricName()).isEqualTo("accuracy");
        assertThat(h.validationLoss()).doesNotContainNull();
        assertThat(h.trainLoss().get(11)).isLessThan(h.trainLoss().get(0));
        assertThat(h.validationMetric().get(11)).isGreaterThan(0.6);
        assertThat(live).hasSize(12).allSatisfy(p -> assertThat(p.totalStages()).isEqualTo(12));

        // same seed: the same weights, so the same test figures
        TrainedModel again = ModelTrainer.train(DATA.dataset, o).model();
        assertThat(again.info().evaluation().classification().rocAuc()).isEqualTo(auc);
        assertThat(again.predict(DATA.dataset, null)).containsExactly(m.predict(DATA.dataset, null));
    }

    @Test
    void earlyStoppingStopsAndKeepsTheBestEpoch() {
        // a wide net at a high learning rate on few rows overfits quickly
        Dataset few = DATA.dataset.select(java.util.stream.IntStream.range(0, 400).toArray());
        MlpParameters p = new MlpParameters(2, 128, 0.0, 200, 16, 0.05, 3, ComputeDevice.CPU);
        TrainedModel m = ModelTrainer.train(few, opts(p).withSplit(0.2, 0.3, 42)).model();
        TrainingHistory h = m.info().histories().get(0);
        assertThat(h.size()).isLessThan(200);
        assertThat(h.size() - h.bestStage()).isEqualTo(3);
        double best = h.validationLoss().get(h.bestStage() - 1);
        for (Double v : h.validationLoss()) assertThat(v).isGreaterThanOrEqualTo(best);
    }

    @Test
    void twoNetworksTrainedAtOnceGetTheWeightsTheirSeedGivesAlone() throws Exception {
        TrainingOptions o = opts(small());
        double[] alone = ModelTrainer.train(DATA.dataset, o).model().predict(DATA.dataset, null);
        double[][] together = new double[2][];
        Throwable[] failure = new Throwable[1];
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        Thread[] threads = new Thread[2];
        for (int k = 0; k < 2; k++) {
            int i = k;
            threads[k] = new Thread(() -> {
                try {
                    go.await();
                    together[i] = ModelTrainer.train(DATA.dataset, o).model().predict(DATA.dataset, null);
                } catch (Throwable e) {
                    failure[0] = e;
                }
            });
            threads[k].start();
        }
        go.countDown();
        for (Thread t : threads) t.join(120_000);
        assertThat(failure[0]).isNull();
        assertThat(together[0]).containsExactly(alone);
        assertThat(together[1]).containsExactly(alone);
    }

    @Test
    void cancellingStopsWithinAnEpochAndReleasesNativeMemory() {
        AtomicInteger checks = new AtomicInteger();
        TaskContext ctx = new TaskContext() {
            @Override public void progress(long done, long total, String message) { }
            @Override public boolean isCancelled() { return checks.incrementAndGet() > 25; }
        };
        TrainingOptions o = opts(small().withEpochs(50));
        assertThatThrownBy(() -> ModelTrainer.train(DATA.dataset, o, ctx, TrainingListener.NONE))
                .isInstanceOf(CancelledException.class);
        // 2,160 rows in batches of 64 = 34 batches per epoch: cancelled inside the first epoch
        assertThat(checks.get()).isLessThan(34);
        assertThat(MlpLearner.LAST_MANAGER.get()).isNotNull();
        assertThat(MlpLearner.LAST_MANAGER.get().isOpen()).isFalse();
    }

    @Test
    void anEngineErrorOnTheCpuBecomesOneSentenceNamingTheEngine() {
        // what libtorch 2.11 answered DJL's PyTorch 2.7.1 JNI layer on an H200 machine (PYTORCH_LIBRARY_PATH)
        var e = new ai.djl.engine.EngineException("set_stride is not allowed on a Tensor created from .data or .detach().\n"
                + "If your intent is to change the metadata of a Tensor\nFor example, change:\n    x.data.set_(y)");
        UserException u = MlpLearner.engineFailed(e, "PyTorch 2.7.1");
        assertThat(u.key()).isEqualTo("model.mlp.engineFailed");
        assertThat(u.getMessage()).contains("set_stride is not allowed on a Tensor created from .data or .detach().",
                "PyTorch 2.7.1", "PYTORCH_LIBRARY_PATH", "Segmenta's").doesNotContain("x.data", "\n");
        assertThat(u.getCause()).isSameAs(e);
        assertThat(MlpLearner.engineFailed(new ai.djl.engine.EngineException("no dot"), "e").getMessage()).contains("no dot. ");
    }

    @Test
    void aJniLayerLackingAFunctionBecomesOneSentenceToo() {
        // what DJL 0.35.1 raised with a JNI layer built from older sources against libtorch 2.13 (PYTORCH_LIBRARY_PATH)
        var e = new UnsatisfiedLinkError("'boolean ai.djl.pytorch.jni.PyTorchLibrary.torchIsContiguous(long)'");
        UserException u = MlpLearner.engineFailed(e, "PyTorch 2.13.0");
        assertThat(u.getMessage()).contains("torchIsContiguous(long)'.", "PyTorch 2.13.0", "PYTORCH_LIBRARY_PATH");
        assertThat(u.getCause()).isSameAs(e);
    }

    @Test
    void automaticLeavesSmallNetworksOnTheCpuAndAGpuRequestIsKept() {
        MlpParameters defaults = MlpParameters.defaults();
        // bank-full's 51 inputs: 51·64+64 + 64·64+64 + 65 weights
        assertThat(MlpDevice.weights(51, defaults)).isEqualTo(7553);
        assertThat(MlpDevice.weights(51, defaults.withLayers(4).withUnits(1024))).isEqualTo(51L * 1024 + 1024 + 3L * (1024 * 1024 + 1024) + 1025);
        MlpDevice.Choice small = MlpDevice.choose(ComputeDevice.AUTO, 1, "PyTorch 2.11.0", 7553L * 32);
        assertThat(small.gpu()).isFalse();
        assertThat(small.fellBack()).isFalse();
        assertThat(small.detectedGpus()).isEqualTo(1);
        assertThat(small.message()).contains("CPU", "one GPU", "PyTorch 2.11.0", "too small");
        assertThat(MlpDevice.choose(ComputeDevice.AUTO, 1, "e", MlpDevice.AUTO_GPU_MIN_WORK - 1).gpu()).isFalse();
        assertThat(MlpDevice.choose(ComputeDevice.AUTO, 1, "e", 3_200_000L * 256).gpu()).isTrue();
        assertThat(MlpDevice.choose(ComputeDevice.GPU, 1, "e", 7553L * 32).gpu()).isTrue();
        assertThat(I18n.tr(Locale.of("es"), "model.mlp.device.autoSmall", 2, "PyTorch")).contains("2 GPU", "CPU");
    }

    @Test
    void deviceSelectionFallsBackToTheCpuWithAMessage() {
        MlpDevice.Choice none = MlpDevice.choose(ComputeDevice.GPU, 0, "PyTorch 2.7.1", 1);
        assertThat(none.gpu()).isFalse();
        assertThat(none.fellBack()).isTrue();
        assertThat(none.used()).isEqualTo("cpu");
        assertThat(none.message()).isEqualTo(I18n.tr("model.mlp.device.noGpu", "PyTorch 2.7.1")).contains("CPU", "GPU");
        assertThat(MlpDevice.choose(ComputeDevice.AUTO, 0, "e", Long.MAX_VALUE).gpu()).isFalse();
        assertThat(MlpDevice.choose(ComputeDevice.AUTO, 0, "e", Long.MAX_VALUE).fellBack()).isFalse();
        assertThat(MlpDevice.choose(ComputeDevice.AUTO, 2, "e", MlpDevice.AUTO_GPU_MIN_WORK).gpu()).isTrue();
        assertThat(MlpDevice.choose(ComputeDevice.GPU, 1, "e", 1).gpu()).isTrue();
        assertThat(MlpDevice.choose(ComputeDevice.CPU, 1, "e", Long.MAX_VALUE).gpu()).isFalse();
        MlpDevice.Choice failed = MlpDevice.gpuFailed(MlpDevice.choose(ComputeDevice.GPU, 1, "e", 1), "CUDA out of memory");
        assertThat(failed.gpu()).isFalse();
        assertThat(failed.fellBack()).isTrue();
        assertThat(failed.message()).contains("CUDA out of memory");
        assertThat(I18n.tr(Locale.of("es"), "model.mlp.device.noGpu", "PyTorch")).contains("CPU").doesNotContain("was asked");

        // what the engine really reports here (CPU natives): no GPU, so a GPU request trains on the CPU
        MlpDevice.Choice real = MlpDevice.detect(ComputeDevice.GPU, 1000, 32);
        assertThat(real.engine()).startsWith("PyTorch");
        if (real.detectedGpus() == 0) {
            assertThat(real.gpu()).isFalse();
            assertThat(real.fellBack()).isTrue();
            List<String> messages = new ArrayList<>();
            TaskContext ctx = new TaskContext() {
                @Override public void progress(long done, long total, String message) { messages.add(message); }
                @Override public boolean isCancelled() { return false; }
            };
            TrainedModel m = ModelTrainer.train(DATA.dataset, opts(small().withEpochs(2).withDevice(ComputeDevice.GPU)),
                    ctx, TrainingListener.NONE).model();
            assertThat(((MlpPredictor) m.pipelines().get(0).predictor()).device()).isEqualTo("cpu");
            assertThat(messages).contains(real.message());
            assertThat(MlpLearner.LAST_DEVICE.get().fellBack()).isTrue();
        }
    }

    @Test
    void modelFileRoundTripGivesIdenticalPredictions() {
        TrainedModel m = ModelTrainer.train(DATA.dataset, opts(small().withEpochs(3).withLayers(2).withDropout(0.2))).model();
        byte[] bytes = ModelIO.toBytes(m);
        TrainedModel back = ModelIO.fromBytes(bytes, "test");
        assertThat(back.predict(DATA.dataset, null)).containsExactly(m.predict(DATA.dataset, null));
        MlpPredictor a = (MlpPredictor) m.pipelines().get(0).predictor(), b = (MlpPredictor) back.pipelines().get(0).predictor();
        assertThat(b.units()).containsExactly(16, 16, 1);
        assertThat(b.dropout()).isEqualTo(0.2);
        for (int l = 0; l < 3; l++) {
            assertThat(b.weights().get(l)).containsExactly(a.weights().get(l));
            assertThat(b.biases().get(l)).containsExactly(a.biases().get(l));
        }
        assertThat(back.info().options().hyper().mlp()).isEqualTo(m.info().options().hyper().mlp());
        // format version 2 only when a network is stored
        assertThat(java.nio.ByteBuffer.wrap(bytes, 8, 4).getInt()).isEqualTo(2);
        // scoring goes through the same code
        ModelScorer.ScoreResult s = ModelScorer.score(back, DATA.dataset, null, TaskContext.NONE);
        assertThat(s.scores()).containsExactly(m.predict(DATA.dataset, null));

        // a damaged layer shape is a clear error, not a crash
        byte[] bad = bytes.clone();
        int at = indexOfLayerCount(bad);
        bad[at + 3] = 9;
        fixCrc(bad);
        assertThatThrownBy(() -> ModelIO.fromBytes(bad, "bad")).isInstanceOf(UserException.class)
                .extracting(e -> ((UserException) e).key()).isEqualTo("model.file.corrupt");
    }

    @Test
    void classWeightsRaiseTheScoresOfARareClass() {
        // keep every non-churner and one churner in six: about 12 % positives
        TargetEncoding t = TargetEncoding.resolve(DATA.dataset, "churn", null, null);
        double[] y = t.values(DATA.dataset);
        List<Integer> keep = new ArrayList<>();
        int pos = 0;
        for (int i = 0; i < y.length; i++) if (y[i] == 0 || pos++ % 6 == 0) keep.add(i);
        Dataset rare = DATA.dataset.select(keep.stream().mapToInt(Integer::intValue).toArray());
        TrainingOptions o = opts(small().withEpochs(6));
        TrainedModel plain = ModelTrainer.train(rare, o).model();
        TrainedModel weighted = ModelTrainer.train(rare, o.withClassWeights(true)).model();
        double meanPlain = mean(plain.predict(rare, null)), meanWeighted = mean(weighted.predict(rare, null));
        // unweighted, the mean probability is near the base rate; weighted classes pull it towards one half
        assertThat(meanPlain).isLessThan(0.2);
        assertThat(meanWeighted).isGreaterThan(meanPlain + 0.15);
        assertThat(weighted.info().evaluation().classification().rocAuc()).isGreaterThan(0.75);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    @Test
    void regressionMlpLearnsTheLifetimeValue() {
        Dataset ltv = Planted.ltv(2000, 3);
        TrainingOptions o = TrainingOptions.defaults("ltv", "value").withAlgorithm(Algorithm.MLP);
        o = o.withHyper(o.hyper().withMlp(new MlpParameters(1, 16, 0.0, 15, 32, 0.01, 0, ComputeDevice.AUTO)));
        TrainedModel m = ModelTrainer.train(ltv, o).model();
        assertThat(m.task()).isEqualTo(Task.REGRESSION);
        assertThat(m.info().evaluation().regression().r2()).isGreaterThan(0.6);
        TrainedModel back = ModelIO.fromBytes(ModelIO.toBytes(m), "ltv");
        assertThat(back.predict(ltv, null)).containsExactly(m.predict(ltv, null));
    }

    /** Offset of the network's layer count: after kind, task and input width of the only pipeline. */
    private static int indexOfLayerCount(byte[] b) {
        int jsonLength = java.nio.ByteBuffer.wrap(b, 12, 4).getInt();
        return 16 + jsonLength + 4 + 1 + 1 + 4;
    }

    private static void fixCrc(byte[] b) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(b, 0, b.length - 8);
        java.nio.ByteBuffer.wrap(b, b.length - 8, 8).putLong(crc.getValue());
    }
}
