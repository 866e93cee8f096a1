package org.newsroom.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * One PNG of a run: searchable articles/s against the Elasticsearch ceiling, consumer lag and CPU over time with
 * the phases shaded, then the latency percentiles at each offered load.
 */
final class BenchChart {

    private static final int WIDTH = 1200;
    private static final int TIMELINE_HEIGHT = 900;
    private static final int LATENCY_HEIGHT = 420;
    private static final int CPU_HEIGHT = 330;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Color[] PALETTE = {new Color(31, 119, 180), new Color(214, 39, 40), new Color(44, 160, 44),
        new Color(148, 103, 189), new Color(255, 127, 14), new Color(23, 190, 207), new Color(140, 86, 75),
        new Color(127, 127, 127)};
    private static final int SMOOTHING = 5;

    private BenchChart() {
    }

    static void write(BenchReport report, Path png) throws IOException {
        boolean threads = report.cpuByThreadKind() != null && !report.cpuByThreadKind().isEmpty();
        int height = TIMELINE_HEIGHT + LATENCY_HEIGHT + (threads ? CPU_HEIGHT : 0);
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        timeline(report).draw(graphics, new java.awt.geom.Rectangle2D.Double(0, 0, WIDTH, TIMELINE_HEIGHT));
        latency(report).draw(graphics, new java.awt.geom.Rectangle2D.Double(0, TIMELINE_HEIGHT, WIDTH, LATENCY_HEIGHT));
        if (threads) {
            cpuByKind(report).draw(graphics,
                    new java.awt.geom.Rectangle2D.Double(0, TIMELINE_HEIGHT + LATENCY_HEIGHT, WIDTH, CPU_HEIGHT));
        }
        graphics.dispose();
        ImageIO.write(image, "png", png.toFile());
    }

    private static JFreeChart timeline(BenchReport report) {
        List<Timeline.Sample> samples = report.timeline();
        NumberAxis time = new NumberAxis("seconds since start");
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(12);
        XYPlot throughput = xy("searchable articles/s", smoothedRate(samples));
        throughput.getRenderer().setSeriesPaint(0, Color.BLACK);
        if (report.ceiling() != null) {
            ValueMarker ceiling = new ValueMarker(report.ceiling().docsPerSecond(), new Color(200, 40, 40), new BasicStroke(2f));
            ceiling.setLabel("ES bulk ceiling %.0f docs/s".formatted(report.ceiling().docsPerSecond()));
            ceiling.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            ceiling.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            throughput.addRangeMarker(ceiling);
            ((NumberAxis) throughput.getRangeAxis()).setUpperBound(report.ceiling().docsPerSecond() * 1.15);
        }
        plot.add(throughput, 3);
        plot.add(lag(samples), 2);
        plot.add(xy("CPU (% of one core)", cpuSeries(samples)), 2);
        shadePhases(plot, samples);
        String when = report.startedAt().substring(0, Math.min(16, report.startedAt().length())).replace('T', ' ');
        JFreeChart chart = new JFreeChart("Newsroom end-to-end benchmark, %s UTC: %,.0f articles/s end to end, ceiling %,.0f docs/s (ratio %.2f)"
                .formatted(when, report.throughput().articlesPerSecond(), report.ceiling().docsPerSecond(),
                        report.endToEndOverCeiling()), TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static XYPlot xy(String label, XYSeriesCollection data) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, null, axis, renderer(data.getSeriesCount(), 0));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }

    private static XYLineAndShapeRenderer renderer(int series, int firstColour) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < series; i++) {
            renderer.setSeriesStroke(i, new BasicStroke(1.8f));
            renderer.setSeriesPaint(i, PALETTE[(firstColour + i) % PALETTE.length]);
        }
        return renderer;
    }

    /** Searchable articles/s as a moving average: Elasticsearch refreshes once a second, so raw samples jump. */
    private static XYSeriesCollection smoothedRate(List<Timeline.Sample> samples) {
        XYSeries series = new XYSeries("pipeline, end to end (%d s average)".formatted(SMOOTHING));
        for (int i = 0; i < samples.size(); i++) {
            Timeline.Sample from = samples.get(Math.max(0, i - SMOOTHING));
            Timeline.Sample to = samples.get(i);
            double seconds = to.seconds() - from.seconds();
            series.add(to.seconds(), seconds <= 0 ? 0 : Math.max(0, to.searchable() - from.searchable()) / seconds);
        }
        return new XYSeriesCollection(series);
    }

    /** Input-topic lag (one message per article) on the left; Kafka Streams' internal topics on the right. */
    private static XYPlot lag(List<Timeline.Sample> samples) {
        XYSeriesCollection inputs = new XYSeriesCollection();
        XYSeriesCollection internal = new XYSeriesCollection();
        if (!samples.isEmpty()) {
            for (String key : samples.getLast().lag().keySet()) {
                XYSeries series = new XYSeries("lag " + key + (key.endsWith(LagMonitor.INTERNAL) ? " (right axis)" : ""));
                samples.forEach(s -> series.add(s.seconds(), Math.max(0, s.lag().getOrDefault(key, 0L))));
                (key.endsWith(LagMonitor.INTERNAL) ? internal : inputs).addSeries(series);
            }
        }
        XYPlot plot = xy("lag, pipeline topics (articles)", inputs);
        plot.setRenderer(renderer(inputs.getSeriesCount(), 5));
        NumberAxis right = new NumberAxis("internal (messages)");
        plot.setRangeAxis(1, right);
        plot.setDataset(1, internal);
        plot.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer dashed = renderer(internal.getSeriesCount(), 4);
        for (int i = 0; i < internal.getSeriesCount(); i++) {
            dashed.setSeriesStroke(i, new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 4f}, 0f));
        }
        plot.setRenderer(1, dashed);
        return plot;
    }

    private static XYSeriesCollection cpuSeries(List<Timeline.Sample> samples) {
        XYSeriesCollection collection = new XYSeriesCollection();
        if (!samples.isEmpty()) {
            for (String name : samples.getLast().processes().keySet()) {
                XYSeries series = new XYSeries(name);
                samples.stream().skip(1).forEach(s -> series.add(s.seconds(),
                        s.processes().getOrDefault(name, new ProcessSampler.Usage(0, 0)).cpuPercent()));
                collection.addSeries(series);
            }
        }
        return collection;
    }

    /** Alternate light bands with the phase's name, on every panel. */
    private static void shadePhases(CombinedDomainXYPlot plot, List<Timeline.Sample> samples) {
        List<double[]> spans = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Timeline.Sample sample : samples) {
            if (names.isEmpty() || !names.getLast().equals(sample.phase())) {
                names.add(sample.phase());
                spans.add(new double[] {sample.seconds(), sample.seconds()});
            }
            spans.getLast()[1] = sample.seconds();
        }
        List<XYPlot> panels = plot.getSubplots();
        for (int i = 0; i < spans.size(); i++) {
            for (int p = 0; p < panels.size(); p++) {
                IntervalMarker band = new IntervalMarker(spans.get(i)[0], spans.get(i)[1],
                        i % 2 == 0 ? new Color(235, 242, 250) : new Color(250, 245, 232));
                if (p == 0) {
                    band.setLabel(names.get(i));
                    band.setLabelAnchor(RectangleAnchor.TOP);
                    band.setLabelTextAnchor(TextAnchor.TOP_CENTER);
                }
                panels.get(p).addDomainMarker(band, Layer.BACKGROUND);
            }
        }
    }

    private static JFreeChart latency(BenchReport report) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (LatencyRun.Result result : report.latency()) {
            String category = result.load() + "/s " + result.intake();
            data.addValue(result.searchable().p50(), "p50", category);
            data.addValue(result.searchable().p95(), "p95", category);
            data.addValue(result.searchable().p99(), "p99", category);
        }
        CategoryPlot plot = new CategoryPlot(data, new org.jfree.chart.axis.CategoryAxis("offered load and intake"),
                new NumberAxis("drop-to-searchable latency (s)"), new BarRenderer());
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        ((BarRenderer) plot.getRenderer()).setShadowVisible(false);
        plot.getRenderer().setSeriesPaint(0, new Color(158, 202, 225));
        plot.getRenderer().setSeriesPaint(1, new Color(66, 146, 198));
        plot.getRenderer().setSeriesPaint(2, new Color(8, 69, 148));
        ((BarRenderer) plot.getRenderer()).setDefaultItemLabelGenerator(
                new org.jfree.chart.labels.StandardCategoryItemLabelGenerator("{2}", new java.text.DecimalFormat("0.00")));
        ((BarRenderer) plot.getRenderer()).setDefaultItemLabelsVisible(true);
        ((BarRenderer) plot.getRenderer()).setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        ValueMarker target = new ValueMarker(1.5, new Color(200, 40, 40), new BasicStroke(1.5f));
        target.setLabel("target p99 at 100/s: 1.5 s");
        target.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        target.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addRangeMarker(target);
        JFreeChart chart = new JFreeChart("Drop-to-searchable latency per offered load", TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /**
     * CPU per article of each process over the throughput phase, stacked by kind of thread: the work and the
     * collector are what every article costs, the JIT compiler what a start costs (it shrinks as the processes warm).
     */
    private static JFreeChart cpuByKind(BenchReport report) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<ThreadKinds.PerArticle> bars = new ArrayList<>(report.cpuByThreadKind().stream()
                .filter(process -> BenchReport.inPipeline(process.process())).toList());
        bars.add(report.pipelineCpuByThreadKind());
        for (ThreadKinds.PerArticle process : bars) {
            data.addValue(process.workMs(), "work", process.process());
            data.addValue(process.collectorMs(), "collector", process.process());
            data.addValue(process.compilerMs(), "JIT compiler", process.process());
        }
        org.jfree.chart.renderer.category.StackedBarRenderer renderer = new org.jfree.chart.renderer.category.StackedBarRenderer();
        renderer.setShadowVisible(false);
        renderer.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        renderer.setSeriesPaint(0, new Color(31, 119, 180));
        renderer.setSeriesPaint(1, new Color(255, 127, 14));
        renderer.setSeriesPaint(2, new Color(199, 199, 199));
        renderer.setDefaultItemLabelGenerator(
                new org.jfree.chart.labels.StandardCategoryItemLabelGenerator("{2}", new java.text.DecimalFormat("0.00")));
        renderer.setDefaultItemLabelsVisible(true);
        CategoryPlot plot = new CategoryPlot(data, new org.jfree.chart.axis.CategoryAxis(null),
                new NumberAxis("CPU ms per article, throughput phase"), renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        ValueMarker target = new ValueMarker(3.0, new Color(200, 40, 40), new BasicStroke(1.5f));
        target.setLabel("target, all processes: 3 ms");
        target.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        target.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        plot.addRangeMarker(target);
        JFreeChart chart = new JFreeChart("CPU per article by kind of thread (work + collector: every article; compiler: the start)",
                TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
