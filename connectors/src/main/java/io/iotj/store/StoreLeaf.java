package io.iotj.store;

import io.iotj.assemble.LeafContext;
import io.iotj.stream.IotStream;
import io.iotj.template.Param;
import io.iotj.template.Template;
import java.util.List;

/**
 * The {@code store} leaf: {@code store(in=s, name="readings", db="postgresql://127.0.0.1:5432/test")}
 * writes a stream into a table, in batches; without {@code db} into the embedded database that
 * {@code %%sql} reads by default. {@code batch} is the most values written at a time (4096).
 */
public final class StoreLeaf {
    /** The leaf's name in templates. */
    public static final String NAME = "store";

    private StoreLeaf() {
    }

    /** The leaf's signature. */
    public static Template template() {
        return new Template(NAME, NAME,
                List.of(new Param("in", Param.STREAM), Param.of("name"), Param.of("db"), Param.of("batch")),
                List.of(), List.of("db", "batch"), List.of(), List.of(), List.of());
    }

    /** Builds the part; opens nothing (the graph's start connects). */
    public static void assemble(LeafContext ctx) {
        Object name = ctx.value("name");
        Object db = ctx.optional("db", null);
        double batch = ctx.doubleValue("batch", 4096);
        IotStream<Object> in = ctx.stream("in");
        if (!(name instanceof String n)) {
            throw ctx.error("name", "must be a table name in quotes, e.g. name=\"readings\"; was " + name);
        }
        String table;
        try {
            table = Store.tableName(n);
        } catch (IllegalArgumentException e) {
            throw ctx.error("name", e.getMessage());
        }
        if (db != null && !(db instanceof String)) {
            throw ctx.error("db", "must be a database address in quotes, e.g. db=\"postgresql://127.0.0.1:5432/test\"");
        }
        StoreAddress address;
        try {
            address = StoreAddress.parse((String) db);
        } catch (IllegalArgumentException e) {
            throw ctx.error("db", e.getMessage());
        }
        if (batch != Math.rint(batch) || batch < 1 || batch > 1_000_000) {
            throw ctx.error("batch", "must be a whole number from 1 to 1000000, was " + batch);
        }
        ctx.add(new StoreSink(in, address, table, (int) batch));
    }
}
