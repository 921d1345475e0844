"""Writes notebooks/01-java-tour.ipynb (kept as this script so its text is easy to review):
    /usr/bin/python3 tools/notebooks/make_java_tour_notebook.py
"""
from cells import code, md, write

CELLS = [
    md("""
# A tour of Java in iotj

This notebook runs **Java** one cell at a time, the way a Python notebook runs Python. Every cell is
compiled and run by JShell, so you can try an idea without writing a class with a `main` method.

Run the cells from top to bottom with **Shift+Enter**. Each section shows one thing:
values, methods, classes, pictures, magics and background threads.
"""),
    md("""
## Values

Declare a variable as in any Java program (`var` lets Java work out the type). When a cell ends
with an expression, without a semicolon, its value is shown below the cell.
"""),
    code("""
int readings = 12;
double average = 21.5;
readings * average
"""),
    code("""
var sensors = List.of("temperature", "humidity", "pressure");
sensors
"""),
    md("""
Variables live as long as the kernel does, so later cells can use them.
"""),
    code("""
sensors.size() + " sensors, " + readings + " readings each"
"""),
    md("""
## Methods

A method can stand on its own in a cell; no class is needed around it.
"""),
    code("""
double celsius(double fahrenheit) {
    return (fahrenheit - 32) * 5 / 9;
}
celsius(98.6)
"""),
    md("""
Streams of numbers work too: here the even numbers from 1 to 10, added up.
"""),
    code("""
IntStream.rangeClosed(1, 10).filter(i -> i % 2 == 0).sum()
"""),
    md("""
## Classes and records

A `record` is a short way to write a class that holds data. Classes can keep state between calls.
"""),
    code("""
record Reading(String sensor, double value) {
    boolean isHot() { return value > 30; }
}
var greenhouse = new Reading("greenhouse", 34.2);
greenhouse
"""),
    code("""
greenhouse.isHot()
"""),
    code("""
class Counter {
    private int count;
    int next() { return ++count; }
}
var counter = new Counter();
counter.next();
counter.next();
counter.next()
"""),
    md("""
## Pictures: HTML, SVG and PNG

`display(...)` shows a value below the cell, and can be called any number of times. `html(...)` and
`svg(...)` say how to show a piece of text; an image made with Java's `BufferedImage` is shown as a PNG.
"""),
    code("""
display(html("<h3>Greenhouse</h3><p>Temperature: <b>" + greenhouse.value() + " °C</b></p>"));
"""),
    code('''
display(svg("""
    <svg xmlns="http://www.w3.org/2000/svg" width="240" height="40">
      <rect width="240" height="40" fill="#eee"/>
      <rect width="%d" height="40" fill="tomato"/>
    </svg>""".formatted((int) (greenhouse.value() * 5))));
'''),
    code("""
import java.awt.Color;
import java.awt.image.BufferedImage;

var wave = new BufferedImage(240, 60, BufferedImage.TYPE_INT_RGB);
var g = wave.createGraphics();
g.setColor(Color.WHITE);
g.fillRect(0, 0, 240, 60);
g.setColor(Color.BLUE);
for (int x = 0; x < 240; x++) {
    g.fillRect(x, (int) (30 + 25 * Math.sin(x / 15.0)), 2, 2);
}
g.dispose();
wave
"""),
    md("""
A display can be changed after it was shown: `display` returns an id, and `updateDisplay` replaces
what that display shows. This is how live tables of streams update in place.
"""),
    code("""
String status = display(html("<b>starting...</b>"));
updateDisplay(status, html("<b>done</b>: " + readings + " readings"));
"""),
    md("""
## Magics

Lines starting with `%` (and cells starting with `%%`) are *magics*: commands to the kernel rather than
Java. `%lsmagic` lists them all.
"""),
    code("""
%lsmagic
"""),
    md("""
`%time` runs one line of Java and says how long it took.
"""),
    code("""
%time LongStream.range(0, 1_000_000).map(i -> i * i).sum()
"""),
    md("""
`%%html` shows the whole cell as HTML.
"""),
    code("""
%%html
<table>
  <tr><th>sensor</th><th>value</th></tr>
  <tr><td>greenhouse</td><td>34.2</td></tr>
  <tr><td>cellar</td><td>12.8</td></tr>
</table>
"""),
    md("""
## Background threads

Programs that read sensors often do their work in background threads. What such a thread prints is shown
under the cell that started it, even when it prints after the cell has finished.
"""),
    code("""
var worker = new Thread(() -> {
    for (int i = 1; i <= 3; i++) {
        System.out.println("tick " + i + " from a background thread");
        try { Thread.sleep(100); } catch (InterruptedException e) { return; }
    }
});
worker.start();
worker.join();   // wait here, so the ticks are part of this cell's saved output
"""),
    code("""
new Thread(() -> {
    try { Thread.sleep(1000); } catch (InterruptedException e) { return; }
    System.out.println("one second later: still shown under this cell");
}).start();
"started"
"""),
    md("""
That is the tour. The next notebooks use the same cells to build stream graphs that keep running
while you work.
"""),
]


if __name__ == "__main__":
    write("01-java-tour.ipynb", CELLS)
