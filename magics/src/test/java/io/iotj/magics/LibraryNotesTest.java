package io.iotj.magics;

import io.iotj.magics.library.TemplateCatalog;
import io.iotj.magics.library.UserTemplates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A template library file that does not load is a note the user sees, not a line in the kernel's log. */
class LibraryNotesTest {
    @Test
    void aBrokenLibraryFileBecomesAStartupNoteNamingTheFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("broken.json"), "{ \"name\": \"broken\",");
        List<String> notes = new ArrayList<>();
        StreamMagics.loadLibrary(new UserTemplates(dir), new TemplateCatalog(), notes::add);
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).contains("broken.json") && notes.get(0).contains("line 1"), notes.get(0));
    }
}
