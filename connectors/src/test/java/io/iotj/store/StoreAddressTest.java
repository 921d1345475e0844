package io.iotj.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotj.connect.LocalServices;
import org.junit.jupiter.api.Test;

class StoreAddressTest {

    @Test
    void postgresAddressesBecomeJdbcUrlsAndNeverShowTheirPassword() {
        StoreAddress a = StoreAddress.parse("postgresql://alice:s3cr%40t@db.example:6543/plant?sslmode=require");
        assertEquals("jdbc:postgresql://db.example:6543/plant?sslmode=require", a.jdbcUrl());
        assertEquals("alice", a.user());
        assertEquals("s3cr@t", a.password());
        assertEquals("postgresql://alice@db.example:6543/plant?sslmode=require", a.display());
        assertFalse(a.toString().contains("s3cr"));
        assertEquals("jdbc:postgresql://127.0.0.1:5432/test", StoreAddress.parse("postgres://127.0.0.1/test").jdbcUrl());
    }

    @Test
    void embeddedByDefaultOrInAFile() {
        assertTrue(StoreAddress.parse(null).isEmbedded());
        assertTrue(StoreAddress.parse(null).embedded().toString().endsWith("streams.duckdb"));
        assertEquals("jdbc:duckdb:/tmp/x.duckdb", StoreAddress.parse("duckdb:/tmp/x.duckdb").jdbcUrl());
    }

    @Test
    void badAddressesSayWhatIsWrong() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StoreAddress.parse("mysql://u:pw@h/db"));
        assertTrue(e.getMessage().contains("mysql://u:****@h/db") && !e.getMessage().contains("pw@"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> StoreAddress.parse("postgresql://127.0.0.1:5432"));
        assertTrue(e.getMessage().contains("names no database"), e.getMessage());
    }

    @Test
    void aServerThatIsDownIsNamedWithoutThePassword() throws Exception {
        int port = LocalServices.freePort();
        StoreException e = assertThrows(StoreException.class,
                () -> Store.open("postgresql://postgres:hunter2@127.0.0.1:" + port + "/test"));
        assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }
}
