package org.newsroom.ingest.intake;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A size-limited in-memory file system (Jimfs) that can be filled to the last block, so the code under test
 * meets a real "out of disk space" IOException from java.nio, deterministically and without mounting anything.
 */
public final class SmallDisk implements AutoCloseable {

    private final FileSystem fileSystem = Jimfs.newFileSystem(Configuration.unix().toBuilder()
            .setBlockSize(1024).setMaxSize(256 * 1024).build());
    private final Path filler = fileSystem.getPath("/filler");

    public Path path(String path) throws IOException {
        return Files.createDirectories(fileSystem.getPath(path));
    }

    /** Writes a file until the disk refuses another block. */
    public void fill() throws IOException {
        byte[] block = new byte[1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            // The disk is full now: exactly what the test wants.
        }
        if (Files.size(filler) == 0) {
            throw new IOException("the filler took no space: the disk was already full");
        }
    }

    public void free() throws IOException {
        Files.delete(filler);
    }

    @Override
    public void close() throws IOException {
        fileSystem.close();
    }
}
