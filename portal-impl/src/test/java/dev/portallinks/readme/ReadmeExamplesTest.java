package dev.portallinks.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

// Every Java example in README.md is a source file of this build, shown whole (imports included) after its package
// line: the README cannot show code that does not compile, or that the build no longer has.
class ReadmeExamplesTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern EXAMPLE = Pattern.compile("<!-- source: (\\S+) -->\\n```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n");

    private static String readme() throws IOException {
        return Files.readString(ROOT.resolve("README.md"));
    }

    @Test
    void everyJavaExampleNamesTheSourceFileItComesFrom() throws IOException {
        String readme = readme();
        int blocks = 0;
        Matcher block = JAVA_BLOCK.matcher(readme);
        while (block.find()) {
            blocks++;
        }
        int named = 0;
        Matcher example = EXAMPLE.matcher(readme);
        while (example.find()) {
            named++;
        }
        assertThat(named).as("```java blocks preceded by <!-- source: path -->").isEqualTo(blocks).isPositive();
    }

    @Test
    void everyJavaExampleIsItsSourceFile() throws IOException {
        List<String> differences = new ArrayList<>();
        Matcher example = EXAMPLE.matcher(readme());
        while (example.find()) {
            Path source = ROOT.resolve(example.group(1));
            String code = Files.readString(source).replaceFirst("^package [\\w.]+;\\n\\n", "");
            if (!code.equals(example.group(2))) {
                differences.add(example.group(1));
            }
        }
        assertThat(differences).as("README examples that differ from their source (copy the file, without its package line)").isEmpty();
    }
}
