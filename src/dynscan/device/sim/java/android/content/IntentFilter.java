package android.content;

import java.util.ArrayList;
import java.util.List;

/** The actions (and categories) a receiver wants. */
public class IntentFilter {
    private final List<String> actions = new ArrayList<>();

    public IntentFilter() {}

    public IntentFilter(String action) { actions.add(action); }

    public final void addAction(String action) { actions.add(action); }

    public final void addCategory(String category) {}

    public final boolean hasAction(String action) { return actions.contains(action); }

    public final int countActions() { return actions.size(); }

    public final String getAction(int index) { return actions.get(index); }
}
