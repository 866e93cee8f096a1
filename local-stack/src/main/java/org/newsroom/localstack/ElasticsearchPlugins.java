package org.newsroom.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;

/** Installs plugin zips into an unpacked Elasticsearch home, once per plugin version. */
final class ElasticsearchPlugins {

    private ElasticsearchPlugins() {
    }

    static void install(Path home, Path zip, Path jdk) throws IOException {
        // Outside plugins/: the node takes every entry there, hidden files included, for a plugin.
        Path marker = home.resolve(".plugin-" + zip.getFileName() + "." + checksum(zip) + ".installed");
        if (Files.exists(marker)) {
            return;
        }
        String name = pluginName(zip);
        Path installed = home.resolve("plugins").resolve(name);
        ElasticsearchNode.deleteRecursively(installed);
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/elasticsearch-plugin").toString(),
                "install", "--batch", zip.toUri().toString())
                .redirectErrorStream(true);
        builder.environment().put("ES_JAVA_HOME", jdk.toString());
        builder.environment().put("ES_PATH_CONF", home.resolve("config").toString());
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("Installing Elasticsearch plugin " + zip + " failed:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted installing " + zip, e);
        }
        Files.writeString(marker, zip.toString());
    }

    /** Changes whenever the zip is rebuilt with other content, so a new build of a plugin is reinstalled. */
    private static String checksum(Path zip) throws IOException {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(Files.readAllBytes(zip));
        return Long.toHexString(crc.getValue());
    }

    /** The {@code name} in the plugin's descriptor, which is the folder it is installed to. */
    private static String pluginName(Path zip) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            var entry = file.stream()
                    .filter(e -> e.getName().endsWith("plugin-descriptor.properties"))
                    .findFirst()
                    .orElseThrow(() -> new IOException(zip + " has no plugin descriptor"));
            var properties = new java.util.Properties();
            try (var in = file.getInputStream(entry)) {
                properties.load(in);
            }
            return properties.getProperty("name");
        }
    }
}
