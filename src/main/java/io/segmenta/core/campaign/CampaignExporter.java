package io.segmenta.core.campaign;

import io.segmenta.core.data.Column;
import io.segmenta.core.data.Dataset;
import io.segmenta.core.io.CsvWriter;
import io.segmenta.core.task.TaskContext;
import io.segmenta.core.util.UserException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Writes a campaign list as CSV plus a JSON manifest beside it ({@code list.csv} → {@code list.manifest.json}).
 *
 * <p>The CSV goes through {@link CsvWriter#writeRows}, which writes UTF-8 (optionally with a BOM) to a temporary
 * file in the target folder and moves it into place, so a failure or a cancellation never leaves a partial
 * file and an existing file stays as it was. Every cell, header included, is passed through
 * {@link SafeCsv#neutralize} first: {@code writeRows} takes already formatted text, which is the hook that
 * lets this class make the cells formula-safe without a second writer.
 *
 * <p>Columns: the source's id column under its own name, the contact fields, {@code segment_id} (1-based
 * position of the segment in the list's segment order), {@code segment}, {@code creative} (empty for the
 * holdout), {@code group} ({@code treatment}/{@code holdout}), {@code score}, {@code tier} and {@code action}
 * ({@link ExportOptions#action()} for the treatment, {@code hold} for the holdout).
 */
public final class CampaignExporter {
    public static final String MANIFEST_FORMAT = "segmenta.campaign-manifest";
    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final Pattern CONTACT = Pattern.compile(
            "(e[-_ ]?mail|correo|mail|email_address|phone|phone_number|telephone|tel|telefono|teléfono|mobile|movil|móvil|cell"
                    + "|first_?name|last_?name|full_?name|name|nombre|apellidos?|surname|address|direccion|dirección|street|city"
                    + "|ciudad|localidad|zip|zip_?code|postal_?code|postcode|codigo_postal|código_postal|cp|province|provincia"
                    + "|state|country|pais|país)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private CampaignExporter() { }

    /**
     * What was written.
     *
     * @param csv              the list
     * @param manifest         the manifest beside it
     * @param rows             data rows written
     * @param header           column names (before neutralising)
     * @param sha256           SHA-256 of the CSV file's bytes
     * @param neutralizedCells cells prefixed with a quote
     */
    public record Result(Path csv, Path manifest, int rows, List<String> header, String sha256, int neutralizedCells) { }

    /** {@code dir/list.csv} → {@code dir/list.manifest.json}. */
    public static Path manifestPath(Path csv) {
        String name = csv.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return csv.resolveSibling(base + ".manifest.json");
    }

    /** Contact fields of {@code ds} recognised by name (not the id or segment column). */
    public static List<String> detectContactColumns(Dataset ds, CampaignDefinition def) {
        List<String> out = new ArrayList<>();
        for (String n : ds.columnNames()) {
            if (n.equals(def.idColumn()) || n.equals(def.segmentColumn())) continue;
            if (isContactName(n)) out.add(n);
        }
        return out;
    }

    /** Words that make a name a contact field wherever they stand in it ("customer_email", "EmailAddress"). */
    private static final java.util.Set<String> CONTACT_WORDS = java.util.Set.of("email", "mail", "correo", "phone", "telephone",
            "telefono", "teléfono", "mobile", "movil", "móvil", "address", "direccion", "dirección", "zip", "zipcode", "postcode");
    /** Words that make such a name a campaign measure or a flag rather than the contact itself ("email_opened"). */
    private static final java.util.Set<String> MEASURE_WORDS = java.util.Set.of("open", "opens", "opened", "click", "clicks",
            "clicked", "sent", "send", "sends", "bounce", "bounced", "bounces", "unsubscribe", "unsubscribed", "optin", "opt",
            "consent", "count", "rate", "date", "at", "time", "flag", "verified", "valid", "status", "type", "domain", "ok");

    /**
     * A contact field: one of the usual names exactly (email, phone, name, city, province, ...), or a name with a
     * contact word among its words (customer_email, mobile_phone, EmailAddress) and no measure word (email_opened).
     */
    static boolean isContactName(String name) {
        String n = name.strip();
        if (CONTACT.matcher(n).matches()) return true;
        List<String> words = new ArrayList<>();
        for (String w : n.split("(?<=\\p{Ll})(?=\\p{Lu})|[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) words.add(w.toLowerCase(java.util.Locale.ROOT));
        }
        boolean contact = false;
        for (String w : words) {
            if (MEASURE_WORDS.contains(w)) return false;
            if (CONTACT_WORDS.contains(w) || w.equals("e") && words.contains("mail")) contact = true;
        }
        return contact;
    }

    private record Out(String header, Kind kind, Column column) { }

    private enum Kind { SOURCE, SEGMENT_ID, SEGMENT, CREATIVE, GROUP, ACTION }

    private static List<Out> layout(Dataset ds, CampaignList list, ExportOptions o) {
        CampaignDefinition def = list.definition();
        List<Out> out = new ArrayList<>();
        for (ExportOptions.Column c : o.columns()) {
            switch (c) {
                case ID -> out.add(new Out(def.idColumn(), Kind.SOURCE, source(ds, def.idColumn())));
                case CONTACT -> {
                    List<String> contacts = o.contactColumns() == null ? detectContactColumns(ds, def) : o.contactColumns();
                    for (String n : contacts) out.add(new Out(n, Kind.SOURCE, source(ds, n)));
                }
                case SEGMENT_ID -> out.add(new Out("segment_id", Kind.SEGMENT_ID, null));
                case SEGMENT -> out.add(new Out("segment", Kind.SEGMENT, null));
                case CREATIVE -> out.add(new Out("creative", Kind.CREATIVE, null));
                case GROUP -> out.add(new Out("group", Kind.GROUP, null));
                case SCORE -> { if (def.scoreColumn() != null) out.add(new Out("score", Kind.SOURCE, source(ds, def.scoreColumn()))); }
                case TIER -> { if (def.tierColumn() != null) out.add(new Out("tier", Kind.SOURCE, source(ds, def.tierColumn()))); }
                case ACTION -> out.add(new Out("action", Kind.ACTION, null));
            }
        }
        var seen = new java.util.HashSet<String>();
        for (Out x : out) if (!seen.add(x.header())) throw new UserException("campaign.export.nameClash", x.header());
        return out;
    }

    private static Column source(Dataset ds, String name) {
        return ds.find(name).orElseThrow(() -> new UserException("campaign.error.unknownColumn", name, ds.name(),
                String.join(", ", ds.columnNames())));
    }

    /** The header the export would write (before neutralising). */
    public static List<String> header(Dataset ds, CampaignList list, ExportOptions o) {
        return layout(ds, list, o).stream().map(Out::header).toList();
    }

    /**
     * Writes the list and its manifest.
     *
     * @param ds              the source dataset (for id, contact, score and tier values)
     * @param segmentaVersion the application version recorded in the manifest
     * @param time            the export time recorded in the manifest
     */
    public static Result export(Dataset ds, CampaignList list, ExportOptions o, Path file, String segmentaVersion,
                                Instant time, TaskContext ctx) {
        Objects.requireNonNull(file, "file");
        TaskContext c = ctx == null ? TaskContext.NONE : ctx;
        List<Out> cols = layout(ds, list, o);
        CsvWriter.Options csv = CsvWriter.Options.defaults().withDelimiter(o.delimiter()).withDecimal(o.decimal()).withBom(o.bom());
        Column id = source(ds, list.definition().idColumn());
        Map<String, Integer> segmentIds = new HashMap<>();
        for (int i = 0; i < list.segments().size(); i++) segmentIds.put(list.segments().get(i), i + 1);
        int[] neutralized = {0};
        Map<String, Integer>[] byId = new Map[1];
        List<String> header = cols.stream().map(Out::header).toList();
        List<String> safeHeader = header.stream().map(h -> safe(h, neutralized)).toList();
        List<Assignment> as = list.assignments();
        Iterable<List<String>> rows = () -> new Iterator<>() {
            int i = 0;

            @Override public boolean hasNext() { return i < as.size(); }

            @Override public List<String> next() {
                if (i >= as.size()) throw new NoSuchElementException();
                if ((i & 1023) == 0) {
                    c.checkCancelled();
                    c.progress(i, as.size(), file.getFileName().toString());
                }
                Assignment a = as.get(i++);
                int r = rowOf(a, id, ds, byId);
                List<String> cells = new ArrayList<>(cols.size());
                for (Out x : cols) {
                    String v = switch (x.kind()) {
                        case SOURCE -> CsvWriter.formatCell(x.column(), r, csv);
                        case SEGMENT_ID -> Integer.toString(segmentIds.get(a.segment()));
                        case SEGMENT -> a.segment();
                        case CREATIVE -> a.creative() == null ? "" : a.creative();
                        case GROUP -> a.group().key();
                        case ACTION -> a.group() == Group.TREATMENT ? o.action() : "hold";
                    };
                    cells.add(safe(v, neutralized));
                }
                return cells;
            }
        };
        CsvWriter.writeRows(file, safeHeader, rows, csv);
        String sha = sha256(file);
        Path manifest = manifestPath(file);
        ObjectNode m = manifest(list, o, file, header, sha, neutralized[0], segmentaVersion, time);
        CsvWriter.writeText(manifest, PRETTY.writeValueAsString(m) + "\n");
        c.progress(as.size(), as.size(), file.getFileName().toString());
        return new Result(file, manifest, as.size(), header, sha, neutralized[0]);
    }

    private static String safe(String v, int[] counter) {
        String s = SafeCsv.neutralize(v);
        if (s != v && !s.equals(v)) counter[0]++;
        return s;
    }

    private static int rowOf(Assignment a, Column id, Dataset ds, Map<String, Integer>[] byId) {
        int r = a.row();
        if (r >= 0 && r < ds.rowCount() && !id.isMissing(r) && id.format(r).strip().equals(a.id())) return r;
        if (byId[0] == null) {
            Map<String, Integer> m = new HashMap<>();
            for (int i = 0; i < ds.rowCount(); i++) if (!id.isMissing(i)) m.putIfAbsent(id.format(i).strip(), i);
            byId[0] = m;
        }
        Integer found = byId[0].get(a.id());
        if (found == null) throw new UserException("campaign.export.idNotFound", a.id(), id.name(), ds.name());
        return found;
    }

    /** The manifest: counts, filters, seed, source dataset and hash, time and version. */
    public static ObjectNode manifest(CampaignList list, ExportOptions o, Path file, List<String> header, String sha,
                                      int neutralized, String segmentaVersion, Instant time) {
        ObjectNode n = CampaignJson.MAPPER.createObjectNode();
        n.put("format", MANIFEST_FORMAT);
        n.put("format_version", 1);
        n.put("file", file.getFileName().toString());
        n.put("file_sha256", sha);
        n.put("rows", list.size());
        ArrayNode h = n.putArray("columns");
        header.forEach(h::add);
        n.put("delimiter", String.valueOf(o.delimiter()));
        n.put("decimal", String.valueOf(o.decimal()));
        n.put("encoding", "UTF-8");
        n.put("bom", o.bom());
        n.put("neutralized_cells", neutralized);
        n.put("created_at", (time == null ? Instant.now() : time).toString());
        n.put("segmenta_version", segmentaVersion);
        ObjectNode src = n.putObject("source");
        src.put("dataset", list.datasetName());
        src.put("rows", list.funnel().sourceRows());
        src.put("hash", list.sourceHash());
        src.put("hash_algorithm", "SHA-256");
        src.put("id_column", list.definition().idColumn());
        ArrayNode f = n.putArray("filters");
        list.definition().filter().expressions().forEach(f::add);
        n.put("seed", list.seed());
        n.set("definition", CampaignJson.definition(list.definition(), false)); // suppressed ids stay private
        n.set("funnel", CampaignJson.funnel(list.funnel()));
        n.set("counts", CampaignJson.counts(list.counts()));
        ObjectNode totals = n.putObject("totals");
        totals.put("treatment", list.treatmentCount());
        totals.put("holdout", list.holdoutCount());
        totals.put("total", list.size());
        ObjectNode perCreative = totals.putObject("per_creative");
        list.creativeTotals().forEach(perCreative::put);
        return n;
    }

    private static String sha256(Path file) {
        MessageDigest md = CampaignBuilder.sha256();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int k; (k = in.read(buf)) > 0; ) md.update(buf, 0, k);
        } catch (IOException e) {
            throw new UserException(e, "campaign.export.readBack", file, String.valueOf(e.getMessage()));
        }
        return java.util.HexFormat.of().formatHex(md.digest()).toLowerCase(Locale.ROOT);
    }
}
