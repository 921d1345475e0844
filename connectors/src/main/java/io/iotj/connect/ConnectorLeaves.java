package io.iotj.connect;

import io.iotj.assemble.Leaf;
import io.iotj.assemble.LeafRegistry;
import io.iotj.connect.amqp.AmqpLeaves;
import io.iotj.connect.files.CsvLeaves;
import io.iotj.connect.files.FilesLeaf;
import io.iotj.connect.mqtt.MqttLeaves;
import io.iotj.connect.net.SocketLeaf;
import io.iotj.sensors.SensorLeaves;
import io.iotj.store.StoreLeaf;
import io.iotj.template.Template;
import io.iotj.template.TemplateLibrary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The leaves that reach outside a graph, and the simulated sensors. Register both halves where an
 * assembler is built: {@code ConnectorLeaves.register(leafRegistry); ConnectorLeaves.register(templateLibrary);}.
 */
public final class ConnectorLeaves {
    private ConnectorLeaves() {
    }

    private static Map<Template, Leaf> all() {
        Map<Template, Leaf> m = new LinkedHashMap<>();
        m.put(MqttLeaves.sourceTemplate(), MqttLeaves::source);
        m.put(MqttLeaves.publishTemplate(), MqttLeaves::publish);
        m.put(SocketLeaf.template(), SocketLeaf::assemble);
        m.put(FilesLeaf.template(), FilesLeaf::assemble);
        m.put(AmqpLeaves.sourceTemplate(), AmqpLeaves::source);
        m.put(CsvLeaves.sourceTemplate(), CsvLeaves::source);
        m.put(AmqpLeaves.publishTemplate(), AmqpLeaves::publish);
        m.put(CsvLeaves.sinkTemplate(), CsvLeaves::sink);
        m.put(StoreLeaf.template(), StoreLeaf::assemble);
        return m;
    }

    /** The leaf signatures (the simulated {@code sensors} among them). */
    public static List<Template> templates() {
        List<Template> out = new ArrayList<>(all().keySet());
        out.add(0, SensorLeaves.template());
        return out;
    }

    /** Adds the signatures to a template library (for the parser and validation). */
    public static TemplateLibrary register(TemplateLibrary library) {
        return library.registerAll(templates());
    }

    /** Adds the implementations to a leaf registry (for the assembler). */
    public static LeafRegistry register(LeafRegistry leaves) {
        SensorLeaves.register(leaves);
        for (Map.Entry<Template, Leaf> e : all().entrySet()) {
            leaves.register(e.getKey().name(), e.getValue());
        }
        return leaves;
    }
}
