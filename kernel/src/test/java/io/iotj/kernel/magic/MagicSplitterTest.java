package io.iotj.kernel.magic;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class MagicSplitterTest {
    @Test
    void aCellWithoutMagicsIsOneCodePieceUnchanged() {
        String cell = "int a = 1;\na + 1";
        assertEquals(List.of(new CellPiece.Code(cell, 1)), MagicSplitter.split(cell));
    }

    @Test
    void aCellMagicTakesTheWholeCell() {
        List<CellPiece> pieces = MagicSplitter.split("%%html  --x \"a b\"\n<b>hi</b>\n%notALineMagic");
        assertEquals(1, pieces.size());
        CellPiece.CellMagic m = (CellPiece.CellMagic) pieces.get(0);
        assertEquals("html", m.name());
        assertEquals(List.of("--x", "a b"), m.args());
        assertEquals("<b>hi</b>\n%notALineMagic", m.body());
    }

    @Test
    void lineMagicsSplitCodeAndCodeKeepsItsLineNumbers() {
        List<CellPiece> pieces = MagicSplitter.split("int a = 1;\n%classpath lib/*.jar\na + 1");
        assertEquals(3, pieces.size());
        assertEquals(new CellPiece.Code("int a = 1;", 1), pieces.get(0));
        assertEquals(new CellPiece.LineMagic("classpath", "lib/*.jar", 2), pieces.get(1));
        CellPiece.Code after = (CellPiece.Code) pieces.get(2);
        assertEquals(3, after.line());
        assertEquals("\n\na + 1", after.code(), "blank lines keep compiler lines equal to the cell's");
    }

    @Test
    void percentLinesInsideTextBlocksAndCommentsAreCode() {
        String cell = "String s = \"\"\"\n%notamagic\n\"\"\";\n/*\n%neither\n*/\nint m = 7\n% 2;";
        assertEquals(List.of(new CellPiece.Code(cell, 1)), MagicSplitter.split(cell));
    }

    @Test
    void unclosedQuotesInMagicArgumentsAreReportedWithTheirColumn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MagicArgs.split("a \"b c"));
        assertTrue(e.getMessage().contains("column 3"), e.getMessage());
    }
}
