package io.segmenta.core.sample;

import java.util.List;
import java.util.Map;

/**
 * The 52 Spanish provinces (50 provinces and the autonomous cities of Ceuta and Melilla).
 *
 * <p>Codes, names and 2015 populations are the Instituto Nacional de Estadística's (INE) figures as
 * republished by the Khartis examples and ESdata; province names are the short official forms INE uses in
 * lists ("A Coruña", "Illes Balears", "La Rioja"). The median incomes are <b>illustrative only</b>: plausible
 * round figures in euros per person and year chosen for the synthetic sample, not official statistics.
 */
public final class SpainProvinces {
    private SpainProvinces() { }

    /**
     * One province.
     *
     * @param code          INE two-digit code, "01".."52"
     * @param isoCode       ISO 3166-2 code, e.g. "ES-M"
     * @param name          name as INE lists it
     * @param communityCode ISO 3166-2 suffix of the autonomous community (or city), e.g. "MD"
     * @param population    residents on 1 January 2015 (INE)
     * @param medianIncome  illustrative median net income per person, € per year (not official data)
     */
    public record Province(String code, String isoCode, String name, String communityCode, long population, int medianIncome) {
        public String community() { return COMMUNITIES.get(communityCode); }
    }

    /** Autonomous communities and cities by ISO 3166-2 suffix, with their usual official names. */
    public static final Map<String, String> COMMUNITIES = Map.ofEntries(
            Map.entry("AN", "Andalucía"), Map.entry("AR", "Aragón"), Map.entry("AS", "Principado de Asturias"),
            Map.entry("IB", "Illes Balears"), Map.entry("CN", "Canarias"), Map.entry("CB", "Cantabria"),
            Map.entry("CL", "Castilla y León"), Map.entry("CM", "Castilla-La Mancha"), Map.entry("CT", "Cataluña"),
            Map.entry("VC", "Comunitat Valenciana"), Map.entry("EX", "Extremadura"), Map.entry("GA", "Galicia"),
            Map.entry("MD", "Comunidad de Madrid"), Map.entry("MC", "Región de Murcia"),
            Map.entry("NC", "Comunidad Foral de Navarra"), Map.entry("PV", "País Vasco"), Map.entry("RI", "La Rioja"),
            Map.entry("CE", "Ceuta"), Map.entry("ML", "Melilla"));

    /** All provinces ordered by code. */
    public static final List<Province> ALL = List.of(
            new Province("01", "ES-VI", "Álava", "PV", 323648L, 17200),
            new Province("02", "ES-AB", "Albacete", "CM", 394580L, 11900),
            new Province("03", "ES-A", "Alicante", "VC", 1855047L, 12100),
            new Province("04", "ES-AL", "Almería", "AN", 701211L, 11000),
            new Province("05", "ES-AV", "Ávila", "CL", 164925L, 12600),
            new Province("06", "ES-BA", "Badajoz", "EX", 686730L, 10400),
            new Province("07", "ES-PM", "Illes Balears", "IB", 1104479L, 14700),
            new Province("08", "ES-B", "Barcelona", "CT", 5523922L, 15600),
            new Province("09", "ES-BU", "Burgos", "CL", 364002L, 14700),
            new Province("10", "ES-CC", "Cáceres", "EX", 406267L, 10800),
            new Province("11", "ES-CA", "Cádiz", "AN", 1240284L, 11000),
            new Province("12", "ES-CS", "Castellón", "VC", 582327L, 12800),
            new Province("13", "ES-CR", "Ciudad Real", "CM", 513713L, 11400),
            new Province("14", "ES-CO", "Córdoba", "AN", 795611L, 11100),
            new Province("15", "ES-C", "A Coruña", "GA", 1127196L, 13800),
            new Province("16", "ES-CU", "Cuenca", "CM", 203841L, 11500),
            new Province("17", "ES-GI", "Girona", "CT", 753054L, 14800),
            new Province("18", "ES-GR", "Granada", "AN", 917297L, 11300),
            new Province("19", "ES-GU", "Guadalajara", "CM", 253686L, 13500),
            new Province("20", "ES-SS", "Gipuzkoa", "PV", 716834L, 17600),
            new Province("21", "ES-H", "Huelva", "AN", 520017L, 10900),
            new Province("22", "ES-HU", "Huesca", "AR", 222909L, 14200),
            new Province("23", "ES-J", "Jaén", "AN", 654170L, 10500),
            new Province("24", "ES-LE", "León", "CL", 479395L, 13500),
            new Province("25", "ES-L", "Lleida", "CT", 436029L, 14300),
            new Province("26", "ES-LO", "La Rioja", "RI", 317053L, 14600),
            new Province("27", "ES-LU", "Lugo", "GA", 339386L, 12800),
            new Province("28", "ES-M", "Madrid", "MD", 6436996L, 16100),
            new Province("29", "ES-MA", "Málaga", "AN", 1628973L, 11800),
            new Province("30", "ES-MU", "Murcia", "MC", 1467288L, 11400),
            new Province("31", "ES-NA", "Navarra", "NC", 640476L, 16400),
            new Province("32", "ES-OR", "Ourense", "GA", 318391L, 12500),
            new Province("33", "ES-O", "Asturias", "AS", 1051229L, 14400),
            new Province("34", "ES-P", "Palencia", "CL", 166035L, 13800),
            new Province("35", "ES-GC", "Las Palmas", "CN", 1098406L, 11300),
            new Province("36", "ES-PO", "Pontevedra", "GA", 947374L, 13100),
            new Province("37", "ES-SA", "Salamanca", "CL", 339395L, 13300),
            new Province("38", "ES-TF", "Santa Cruz de Tenerife", "CN", 1001900L, 11700),
            new Province("39", "ES-S", "Cantabria", "CB", 585179L, 14000),
            new Province("40", "ES-SG", "Segovia", "CL", 157570L, 13600),
            new Province("41", "ES-SE", "Sevilla", "AN", 1941480L, 11900),
            new Province("42", "ES-SO", "Soria", "CL", 91006L, 14000),
            new Province("43", "ES-T", "Tarragona", "CT", 795101L, 14300),
            new Province("44", "ES-TE", "Teruel", "AR", 138932L, 13600),
            new Province("45", "ES-TO", "Toledo", "CM", 693371L, 11800),
            new Province("46", "ES-V", "Valencia", "VC", 2543315L, 12900),
            new Province("47", "ES-VA", "Valladolid", "CL", 526288L, 14600),
            new Province("48", "ES-BI", "Bizkaia", "PV", 1148775L, 16600),
            new Province("49", "ES-ZA", "Zamora", "CL", 183436L, 12400),
            new Province("50", "ES-Z", "Zaragoza", "AR", 956006L, 14700),
            new Province("51", "ES-CE", "Ceuta", "CE", 84263L, 11800),
            new Province("52", "ES-ML", "Melilla", "ML", 85584L, 11600));

    /** The province with this INE code. */
    public static Province byCode(String code) {
        for (Province p : ALL) if (p.code().equals(code)) return p;
        throw new IllegalArgumentException("No province with code " + code);
    }

    /** Total population of the 52 provinces (2015). */
    public static long totalPopulation() {
        long s = 0;
        for (Province p : ALL) s += p.population();
        return s;
    }
}
