package io.iotj.kernel.history;

import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The inputs (and plain-text results) of this kernel session, answering Jupyter's
 * {@code history_request}: tail, range and glob search. The session number is 1; requests
 * for session 0 (or a negative offset 0) mean this session too. Only the most recent
 * {@code capacity} cells are kept, so a long-running notebook cannot grow it without bound.
 */
public final class SessionHistory implements HistoryManager {
    /** The session number reported in history entries. */
    public static final int SESSION = 1;

    private final int capacity;
    private final List<Cell> cells = new ArrayList<>();

    private record Cell(int number, String input, String output) {
    }

    public SessionHistory(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive: " + capacity);
        this.capacity = capacity;
    }

    /** Records a cell; {@code output} is its plain-text result or {@code ""}. */
    public synchronized void add(int executionCount, String input, String output) {
        cells.add(new Cell(executionCount, input, output == null ? "" : output));
        if (cells.size() > capacity) cells.subList(0, cells.size() - capacity).clear();
    }

    /** The number of cells kept. */
    public synchronized int size() {
        return cells.size();
    }

    @Override
    public synchronized List<HistoryEntry> lookupTail(int length, Set<ResultFlag> flags) {
        List<Cell> all = flags.contains(ResultFlag.UNIQUE) ? unique(cells) : cells;
        return entries(all.subList(Math.max(0, all.size() - Math.max(0, length)), all.size()), flags);
    }

    @Override
    public synchronized List<HistoryEntry> lookupRange(int sessionOffset, int startCell, int endCell, Set<ResultFlag> flags) {
        if (sessionOffset != 0 && sessionOffset != SESSION) return List.of();
        List<Cell> picked = new ArrayList<>();
        for (Cell c : cells) {
            // Jupyter sends stop = 0 (or less) to mean "to the end".
            if (c.number >= startCell && (endCell <= 0 || c.number < endCell)) picked.add(c);
        }
        return entries(picked, flags);
    }

    @Override
    public synchronized List<HistoryEntry> search(String pattern, int length, Set<ResultFlag> flags) {
        Pattern p = Glob.compile(pattern == null || pattern.isEmpty() ? "*" : pattern);
        List<Cell> matched = new ArrayList<>();
        for (Cell c : cells) if (p.matcher(c.input).matches()) matched.add(c);
        if (flags.contains(ResultFlag.UNIQUE)) matched = unique(matched);
        int n = length <= 0 ? matched.size() : Math.min(length, matched.size());
        return entries(matched.subList(matched.size() - n, matched.size()), flags);
    }

    /** Keeps the latest occurrence of each input, in order of those occurrences. */
    private static List<Cell> unique(List<Cell> in) {
        Map<String, Cell> last = new LinkedHashMap<>();
        for (Cell c : in) {
            last.remove(c.input);
            last.put(c.input, c);
        }
        return new ArrayList<>(last.values());
    }

    private static List<HistoryEntry> entries(List<Cell> picked, Set<ResultFlag> flags) {
        boolean withOutput = flags.contains(ResultFlag.INCLUDE_OUTPUT);
        List<HistoryEntry> out = new ArrayList<>(picked.size());
        for (Cell c : picked) {
            out.add(withOutput ? new HistoryEntry(SESSION, c.number, c.input, c.output)
                    : new HistoryEntry(SESSION, c.number, c.input));
        }
        return out;
    }
}
