package io.segmenta.app.ui;

import javafx.util.Subscription;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the listeners a view registers on long-lived view models so they can all be removed when the
 * view is thrown away (language switch, theme switch, dialog closed).
 */
public final class Disposer {
    private final List<Subscription> subscriptions = new ArrayList<>();

    public void add(Subscription s) { subscriptions.add(s); }

    public void dispose() {
        subscriptions.forEach(Subscription::unsubscribe);
        subscriptions.clear();
    }
}
