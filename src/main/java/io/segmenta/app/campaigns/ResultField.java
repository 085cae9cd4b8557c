package io.segmenta.app.campaigns;

import java.util.List;
import java.util.Locale;

/** A column of an A/B results table the user maps, with the names it is guessed from. */
public enum ResultField {
    ARM("creative", "arm", "variant", "variante", "creativo", "version", "treatment", "group", "grupo"),
    SEGMENT("segment", "segmento", "cluster", "segmentid"),
    ID("customerid", "clientid", "userid", "idcliente", "id", "customer", "cliente"),
    SENDS("sends", "sent", "envios", "enviados", "customers", "recipients", "n"),
    DELIVERED("delivered", "entregado", "entregados", "delivery"),
    BOUNCED("bounced", "bounce", "bounces", "rebotado", "rebote"),
    OPENED("opened", "open", "opens", "abierto", "aperturas", "apertura"),
    CLICKED("clicked", "click", "clicks", "visit", "visits", "visited", "clic", "clics", "visita"),
    CONVERTED("converted", "conversion", "conversions", "purchased", "purchase", "compra", "convertido", "conversiones"),
    REVENUE("revenue", "spend", "sales", "amount", "ingresos", "importe", "ventas", "gasto"),
    SENT_AT("sentat", "sendtime", "senttime", "sendat", "sentdate", "fechaenvio"),
    OPENED_AT("openedat", "opentime", "opendate", "fechaapertura"),
    CLICKED_AT("clickedat", "clicktime", "clickdate", "fechaclic"),
    PURCHASED_AT("purchasedat", "purchasetime", "purchasedate", "convertedat", "fechacompra");

    private final List<String> names;

    ResultField(String... names) { this.names = List.of(names); }

    /** i18n key of the field's label. */
    public String key() { return "ui.campaigns.ab.field." + name().toLowerCase(Locale.ROOT); }

    /** Whether the column would be guessed for this field. */
    public boolean matches(String column) {
        return names.contains(normalise(column));
    }

    static String normalise(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "")
                .replace('í', 'i').replace('ó', 'o').replace('é', 'e').replace('á', 'a');
    }
}
