package io.socialbot.cli;

import io.socialbot.mention.replay.ReplayPace;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The commands' own option types, checked while picocli parses: a bad value is refused naming its option
 * ({@code Invalid value for option '--file': no such file: in.tsv}) with exit code 2, before any work starts.
 */
final class OptionTypes {

    private OptionTypes() {
    }

    /** A file that exists and can be read. */
    static final class ExistingFile implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path path = Path.of(value);
            if (!Files.isRegularFile(path)) {
                throw new TypeConversionException("no such file: " + path);
            }
            if (!Files.isReadable(path)) {
                throw new TypeConversionException("cannot read " + path.toAbsolutePath());
            }
            return path;
        }
    }

    /** A file to write, in a directory that exists: found out before a long training, not after it. */
    static final class NewFile implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path path = Path.of(value);
            Path parent = path.toAbsolutePath().getParent();
            if (Files.isDirectory(path)) {
                throw new TypeConversionException(path + " is a directory; name the file to write");
            }
            if (parent != null && !Files.isDirectory(parent)) {
                throw new TypeConversionException("no such directory: " + parent);
            }
            return path;
        }
    }

    /** {@code max}, {@code 60} or {@code 60x}. */
    static final class Pace implements ITypeConverter<ReplayPace> {
        @Override
        public ReplayPace convert(String value) {
            try {
                return ReplayPace.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
