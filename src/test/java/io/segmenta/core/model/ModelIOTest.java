package io.segmenta.core.model;

import io.segmenta.core.project.Artifact;
import io.segmenta.core.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelIOTest {
    @TempDir
    Path dir;

    static final Planted DATA = Planted.churn(1200, 5, false);

    /** A class whose deserialisation has a visible side effect, standing in for a gadget chain. */
    static final class Gadget implements Serializable {
        private static final long serialVersionUID = 1L;
        static volatile boolean ran;

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            ran = true;
        }
    }

    private static TrainedModel model(Algorithm a) {
        TrainingOptions o = TrainingOptions.defaults("customers", "churn").withAlgorithm(a);
        return ModelTrainer.train(DATA.dataset, o.withHyper(o.hyper().withTrees(20))).model();
    }

    @Test
    void fileRoundTripKeepsPredictionsAndMetadata() {
        for (Algorithm a : List.of(Algorithm.GBM, Algorithm.RANDOM_FOREST, Algorithm.LOGISTIC)) {
            TrainedModel m = model(a);
            Path f = dir.resolve(a.key() + ModelIO.EXTENSION);
            ModelIO.write(m, f);
            TrainedModel back = ModelIO.read(f);
            assertThat(back.predict(DATA.dataset, null)).containsExactly(m.predict(DATA.dataset, null));
            assertThat(back.info().options()).isEqualTo(m.info().options());
            assertThat(back.info().fingerprint()).isEqualTo(m.info().fingerprint());
            assertThat(back.info().evaluation().summary()).isEqualTo(m.info().evaluation().summary());
            assertThat(back.info().histories().get(0).trainLoss()).isEqualTo(m.info().histories().get(0).trainLoss());
            assertThat(back.pipelines().get(0).preprocessor()).isEqualTo(m.pipelines().get(0).preprocessor());
        }
    }

    @Test
    void artifactRoundTrip() {
        TrainedModel m = model(Algorithm.GBM);
        Artifact a = ModelIO.toArtifact(m);
        assertThat(a.kind()).isEqualTo("model");
        assertThat(a.datasetName()).isEqualTo("customers");
        assertThat(a.resultJson()).contains("roc_auc");
        TrainedModel back = ModelIO.fromArtifact(a);
        assertThat(back.predict(DATA.dataset, null)).containsExactly(m.predict(DATA.dataset, null));
        Artifact other = new Artifact("segmentation", "s", "d", "{}", "{}", a.payload(), null);
        assertThatThrownBy(() -> ModelIO.fromArtifact(other)).isInstanceOf(UserException.class).hasMessageContaining("not a model");
    }

    @Test
    void aSerialisedJavaObjectIsRefusedWithoutBeingDeserialised() throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bos)) {
            out.writeObject(new Gadget());
        }
        Path hostile = dir.resolve("hostile" + ModelIO.EXTENSION);
        Files.write(hostile, bos.toByteArray());
        Gadget.ran = false;
        assertThatThrownBy(() -> ModelIO.read(hostile)).isInstanceOf(UserException.class)
                .hasMessageContaining("serialised Java object").hasMessageContaining("hostile");
        assertThat(Gadget.ran).isFalse();
    }

    @Test
    void damagedOrForeignFilesAreClearErrors() throws IOException {
        TrainedModel m = model(Algorithm.LOGISTIC);
        byte[] good = ModelIO.toBytes(m);
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x40;
        assertThatThrownBy(() -> ModelIO.fromBytes(flipped, "x.segmodel")).isInstanceOf(UserException.class).hasMessageContaining("damaged");
        byte[] cut = java.util.Arrays.copyOf(good, good.length - 100);
        assertThatThrownBy(() -> ModelIO.fromBytes(cut, "x.segmodel")).isInstanceOf(UserException.class).hasMessageContaining("damaged");
        Path csv = dir.resolve("a.csv");
        Files.writeString(csv, "a,b\n1,2\n");
        assertThatThrownBy(() -> ModelIO.read(csv)).isInstanceOf(UserException.class).hasMessageContaining("not a Segmenta model");
        assertThatThrownBy(() -> ModelIO.read(dir.resolve("missing.segmodel"))).isInstanceOf(UserException.class).hasMessageContaining("does not exist");
        // a valid checksum over a format version from the future
        byte[] newer = good.clone();
        newer[11] = 9; // format version 9
        fixCrc(newer);
        assertThatThrownBy(() -> ModelIO.fromBytes(newer, "n.segmodel")).isInstanceOf(UserException.class).hasMessageContaining("newer");
    }

    private static void fixCrc(byte[] b) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(b, 0, b.length - 8);
        long v = crc.getValue();
        for (int i = 0; i < 8; i++) b[b.length - 1 - i] = (byte) (v >>> (8 * i));
    }

    @Test
    void wellFormedButIncompleteOrMistypedDescriptionsAreDamagedModels() {
        // regression: a null feature kind, name or target passed the reader and crashed scoring (NPE, exit 1);
        // a mistyped field gave a multi-line Jackson message
        byte[] good = ModelIO.toBytes(model(Algorithm.LOGISTIC));
        String j = ModelIOTestAccess.json(good);
        java.util.Map<String, String> edits = new java.util.LinkedHashMap<>();
        edits.put("\"kind\":\"NUMERIC\"", "\"kind\":null");
        edits.put("\"trainRows\":", "\"trainRows\":\"abc\",\"x\":");
        edits.put("\"target\":{", "\"target\":null,\"y\":{");
        edits.put("\"impute\":", "\"impute\":\"NaN\",\"z\":");
        for (var e : edits.entrySet()) {
            assertThat(j).as(e.getKey()).contains(e.getKey());
            byte[] bad = ModelIOTestAccess.withJson(good, j.replaceFirst(java.util.regex.Pattern.quote(e.getKey()),
                    java.util.regex.Matcher.quoteReplacement(e.getValue())));
            assertThatThrownBy(() -> ModelIO.fromBytes(bad, "m.segmodel")).as(e.getValue())
                    .isInstanceOf(UserException.class)
                    .satisfies(x -> {
                        assertThat(((UserException) x).key()).isEqualTo("model.file.corrupt");
                        assertThat(x.getMessage()).doesNotContain("\n").doesNotContain("REDACTED");
                    });
        }
        assertThatThrownBy(() -> ModelIO.fromBytes(ModelIOTestAccess.withJson(good, j.replace("\"trainRows\":", "\"trainRows\":\"abc\",\"x\":")), "m"))
                .hasMessageContaining("info.trainRows");
    }

    @Test
    void aModelFileGetsTheUsualPermissionsNotOwnerOnlyOnes() throws IOException {
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Path f = dir.resolve("m.segmodel");
        ModelIO.write(model(Algorithm.LOGISTIC), f);
        if (Files.getFileStore(f).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(f)).isEqualTo(Files.getPosixFilePermissions(plain));
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("plain.txt", "m.segmodel");
        }
    }

    @Test
    void aFolderOrADeviceIsNeverAModelFile() throws IOException {
        // regression: the rename replaced an empty folder, or (as root) a device such as /dev/full, with the model
        Path folder = Files.createDirectory(dir.resolve("models"));
        assertThatThrownBy(() -> ModelIO.write(model(Algorithm.LOGISTIC), folder))
                .isInstanceOf(UserException.class).extracting(e -> ((UserException) e).key()).isEqualTo("model.file.isFolder");
        assertThat(Files.isDirectory(folder)).isTrue();
        assertThatThrownBy(() -> ModelIO.read(folder))
                .isInstanceOf(UserException.class).extracting(e -> ((UserException) e).key()).isEqualTo("model.file.isFolder");
        Path dev = Path.of("/dev/null");
        if (Files.exists(dev)) {
            assertThatThrownBy(() -> ModelIO.checkWritable(dev))
                    .isInstanceOf(UserException.class).extracting(e -> ((UserException) e).key()).isEqualTo("model.file.notRegular");
        }
    }
}
