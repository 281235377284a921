package dev.pce.rules.gate;

import dev.pce.engine.CeException;
import dev.pce.engine.ErrorCode;
import dev.pce.engine.gate.ProjectType;
import dev.pce.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectTypeDetectorTest {
    private static final ProjectTypeDetector DETECTOR = new ProjectTypeDetector();

    @TempDir
    Path repo;

    @Test
    void aSpringBootPomIsAService() throws IOException {
        write("pom.xml", pom("""
                <parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId>
                  <version>3.4.0</version></parent>"""));
        assertThat(DETECTOR.detect(repo)).isEqualTo(new ProjectTypeDetection(ProjectType.SERVICE,
                "pom.xml uses a service framework (org.springframework.boot)"));
    }

    @Test
    void aQuarkusGradleBuildIsAService() throws IOException {
        write("build.gradle.kts", """
                plugins { id("io.quarkus") }
                dependencies { implementation("io.quarkus:quarkus-rest") }
                """);
        assertThat(DETECTOR.detect(repo).type()).isEqualTo(ProjectType.SERVICE);
    }

    @Test
    void aPomWithAMainClassIsAService() throws IOException {
        write("pom.xml", pom("<properties><exec.mainClass>com.example.Server</exec.mainClass></properties>"));
        assertThat(DETECTOR.detect(repo).reason()).isEqualTo("pom.xml declares a main class (mainClass)");
        assertThat(DETECTOR.detect(repo).type()).isEqualTo(ProjectType.SERVICE);
    }

    @Test
    void picocliInAModuleOutranksItsMainClass() throws IOException {
        write("pom.xml", pom("<modules><module>engine</module><module>cli</module></modules>"));
        write("engine/pom.xml", pom(""));
        write("cli/pom.xml", pom("""
                <dependencies><dependency><groupId>info.picocli</groupId><artifactId>picocli</artifactId></dependency>
                </dependencies><properties><mainClass>com.example.Main</mainClass></properties>"""));
        assertThat(DETECTOR.detect(repo)).isEqualTo(new ProjectTypeDetection(ProjectType.CLI,
                "cli/pom.xml uses picocli (info.picocli)"));
    }

    @Test
    void aRustCrateWithClapIsACommandLine() throws IOException {
        write("Cargo.toml", """
                [package]
                name = "grepper"
                [dependencies]
                clap = { version = "4", features = ["derive"] }
                """);
        assertThat(DETECTOR.detect(repo).type()).isEqualTo(ProjectType.CLI);
    }

    @Test
    void pythonConsoleScriptsAreACommandLine() throws IOException {
        write("setup.py", "setup(name='tool', entry_points={'console_scripts': ['tool=tool.main:run']})\n");
        assertThat(DETECTOR.detect(repo).reason()).isEqualTo("setup.py declares console scripts (console_scripts)");
        Files.delete(repo.resolve("setup.py"));
        write("pyproject.toml", "[project]\nname = \"tool\"\n\n[project.scripts]\ntool = \"tool.main:run\"\n");
        assertThat(DETECTOR.detect(repo).type()).isEqualTo(ProjectType.CLI);
    }

    @Test
    void aPackageWithBinOrCommanderIsACommandLine() throws IOException {
        write("package.json", "{\"name\": \"tool\", \"bin\": {\"tool\": \"./cli.js\"}}");
        assertThat(DETECTOR.detect(repo).reason()).isEqualTo("package.json declares 'bin'");
        write("package.json", "{\"name\": \"tool\", \"dependencies\": {\"commander\": \"^12.0.0\"}}");
        assertThat(DETECTOR.detect(repo).reason()).isEqualTo("package.json depends on commander");
    }

    @Test
    void aPackageWithAFrontEndFrameworkIsWeb() throws IOException {
        write("package.json", "{\"name\": \"shop\", \"dependencies\": {\"lodash\": \"4\", \"react\": \"^19.0.0\"}}");
        assertThat(DETECTOR.detect(repo)).isEqualTo(new ProjectTypeDetection(ProjectType.WEB,
                "package.json depends on react"));
        write("package.json", "{\"devDependencies\": {\"@angular/core\": \"^19.0.0\"}}");
        assertThat(DETECTOR.detect(repo).type()).isEqualTo(ProjectType.WEB);
        write("package.json", "{\"dependencies\": {\"svelte\": \"5\"}}");
        assertThat(DETECTOR.detect(repo).type()).isEqualTo(ProjectType.WEB);
    }

    @Test
    void aJavaBackEndWithItsFrontEndIsAService() throws IOException {
        write("backend/build.gradle", "application { mainClass = 'com.example.App' }\n");
        write("frontend/package.json", "{\"dependencies\": {\"vue\": \"3\"}}");
        assertThat(DETECTOR.detect(repo).reason()).isEqualTo("backend/build.gradle declares a main class (mainClass)");
    }

    @Test
    void anExpressPackageIsAService() throws IOException {
        write("package.json", "{\"dependencies\": {\"express\": \"5\"}}");
        assertThat(DETECTOR.detect(repo).type()).isEqualTo(ProjectType.SERVICE);
    }

    @Test
    void aPlainBuildIsALibraryAndSaysWhereItLooked() throws IOException {
        write("pom.xml", pom("<dependencies/>"));
        write("dist/package.json", "{\"bin\": \"x\"}"); // build output does not count
        assertThat(DETECTOR.detect(repo)).isEqualTo(new ProjectTypeDetection(ProjectType.LIBRARY,
                "nothing shows a service, command line or web front end (looked in pom.xml), so a library"));
    }

    @Test
    void anEmptyDirectoryIsALibrary() {
        assertThat(DETECTOR.detect(repo).reason()).contains("no build file found");
    }

    @Test
    void theConfigOverridesDetection() throws IOException {
        write("package.json", "{\"dependencies\": {\"react\": \"19\"}}");
        write(".ce/config.yml", "# gates\nproject_type: Library\npools: {builders: 2}\n");
        assertThat(DETECTOR.detect(repo)).isEqualTo(new ProjectTypeDetection(ProjectType.LIBRARY,
                ".ce/config.yml sets project_type: library"));
    }

    @Test
    void theGitHubConfigSetsTheTypeUnlessTheCeConfigDoes() throws IOException {
        write("package.json", "{\"dependencies\": {\"react\": \"19\"}}");
        write(".github/ce-config.yml", "project_type: service\n");
        assertThat(DETECTOR.detect(repo)).isEqualTo(new ProjectTypeDetection(ProjectType.SERVICE,
                ".github/ce-config.yml sets project_type: service"));
        write(".ce/config.yml", "project_type: cli\n");
        assertThat(DETECTOR.detect(repo).type()).isEqualTo(ProjectType.CLI);
    }

    @Test
    void aConfigWithoutTheKeyLeavesItToDetection() throws IOException {
        write("package.json", "{\"dependencies\": {\"react\": \"19\"}}");
        write(".ce/config.yml", "pools: {builders: 3}\n");
        assertThat(DETECTOR.detect(repo).type()).isEqualTo(ProjectType.WEB);
    }

    @Test
    void anInvalidConfiguredTypeNamesFileKeyAndAllowedValues() throws IOException {
        Path config = write(".ce/config.yml", "project_type: daemon\n");
        assertThatThrownBy(() -> DETECTOR.detect(repo)).isInstanceOfSatisfying(CeException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(e.getMessage()).isEqualTo(config + ": project_type is 'daemon', which is not a project type;"
                    + " allowed: library, service, cli, web.");
            assertThat(e.fix()).contains("Set project_type in " + config, "or remove the key");
        });
    }

    @Test
    void aConfigThatIsNotAMappingOrNotYamlIsAnError() throws IOException {
        write(".ce/config.yml", "- project_type\n- web\n");
        assertThatThrownBy(() -> DETECTOR.detect(repo)).hasMessageContaining("is not a YAML mapping");
        write(".ce/config.yml", "project_type: [web\n");
        assertThatThrownBy(() -> DETECTOR.detect(repo)).isInstanceOf(CeException.class)
                .hasMessageContaining("config.yml as YAML");
    }

    @Test
    void aBrokenPackageJsonNamesItselfAndTheConfigWayOut() throws IOException {
        write("package.json", "{\"dependencies\": {\"react\": }");
        assertThatThrownBy(() -> DETECTOR.detect(repo)).isInstanceOfSatisfying(CeException.class, e -> {
            assertThat(e.getMessage()).startsWith("Cannot read package.json as JSON to detect the project type:")
                    .contains("(line 1)");
            assertThat(e.fix()).isEqualTo("Correct package.json, or set project_type in .ce/config.yml so PCE need"
                    + " not detect the type.");
        });
    }

    @Test
    void aFileIsNotARepository() throws IOException {
        Path file = write("pom.xml", pom(""));
        assertThatThrownBy(() -> DETECTOR.detect(file)).hasMessageContaining("not a directory");
    }

    private Path write(String path, String text) {
        return TestFiles.write(repo.resolve(path), text);
    }

    private static String pom(String body) {
        return "<project><modelVersion>4.0.0</modelVersion><artifactId>x</artifactId>" + body + "</project>\n";
    }
}
