// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules the whole project stands on, checked on every build: core depends on BouncyCastle and
 * slf4j-api only, exports no internals, and no code anywhere changes the JVM's provider list.
 */
class ArchitectureTest {
  private static final Set<String> ALLOWED_CORE_DEPENDENCIES =
      Set.of(
          "org.bouncycastle:bcprov-jdk18on",
          "org.bouncycastle:bcpkix-jdk18on",
          "org.bouncycastle:bcutil-jdk18on",
          "org.slf4j:slf4j-api");
  private static final Set<String> ALLOWED_CORE_MODULES =
      Set.of(
          "java.base",
          "java.sql", // JDK: the JDBC audit trail (drivers are the application's choice)
          "java.net.http", // JDK: HttpClient, the default enrollment HttpTransport
          "org.bouncycastle.provider",
          "org.bouncycastle.pkix",
          "org.bouncycastle.util",
          "org.slf4j");
  /** A call or static import of the two methods that register providers globally. */
  private static final Pattern GLOBAL_PROVIDER_REGISTRATION =
      Pattern.compile(
          "Security\\s*\\.\\s*(addProvider|insertProviderAt)\\s*\\("
              + "|import\\s+static\\s+java\\.security\\.Security\\.(addProvider|insertProviderAt|\\*)");

  @Test
  void coreResolvesOnlyBouncyCastleAndSlf4jAtRunTime() throws IOException {
    Path list = Path.of("target", "runtime-dependencies.txt");
    assertThat(list).as("written by maven-dependency-plugin in core/pom.xml; run the tests through Maven").exists();

    List<String> dependencies =
        Files.readAllLines(list, StandardCharsets.UTF_8).stream()
            .map(String::strip)
            .filter(line -> line.matches("[\\w.-]+:[\\w.-]+:.*"))
            .map(line -> line.split(":")[0] + ":" + line.split(":")[1])
            .collect(Collectors.toList());

    assertThat(dependencies).isNotEmpty().allSatisfy(d -> assertThat(ALLOWED_CORE_DEPENDENCIES).contains(d));
  }

  @Test
  void coreModuleRequiresOnlyBouncyCastleAndSlf4jAndExportsNoInternals() throws IOException {
    ModuleDescriptor descriptor;
    try (InputStream in = Files.newInputStream(Path.of("target", "classes", "module-info.class"))) {
      descriptor = ModuleDescriptor.read(in);
    }

    assertThat(descriptor.name()).isEqualTo("org.iotpki.core");
    assertThat(descriptor.requires()).extracting(ModuleDescriptor.Requires::name)
        .allSatisfy(name -> assertThat(ALLOWED_CORE_MODULES).contains(name));
    assertThat(descriptor.exports()).filteredOn(e -> !e.isQualified())
        .extracting(ModuleDescriptor.Exports::source)
        .isNotEmpty()
        .allSatisfy(pkg -> assertThat(pkg).startsWith("org.iotpki.core").doesNotContain("internal"));
    // Internals may be shared with iotpki's own modules, never with anyone else.
    assertThat(descriptor.exports()).filteredOn(ModuleDescriptor.Exports::isQualified)
        .allSatisfy(e -> assertThat(e.targets()).allSatisfy(
            target -> assertThat(target).startsWith("org.iotpki.")));
  }

  @Test
  void noSourceInAnyModuleRegistersAProviderGlobally() throws IOException {
    Path root = Path.of(System.getProperty("iotpki.root", ".."));
    assertThat(root.resolve("pom.xml")).exists();

    List<String> offenders;
    try (Stream<Path> files = Files.walk(root)) {
      offenders =
          files
              .filter(file -> file.toString().endsWith(".java"))
              .filter(file -> file.toString().contains("/src/"))
              .filter(file -> !file.toString().contains("/target/"))
              .filter(ArchitectureTest::registersProvider)
              .map(root::relativize)
              .map(Path::toString)
              .collect(Collectors.toList());
    }

    assertThat(offenders).as("pass providers explicitly (ProviderStrategy) instead").isEmpty();
  }

  /**
   * Whether a source registers a provider. A test that plays the application (which may install a
   * token's provider for JSSE) says so with {@code @SuppressForbidden}; library code never may.
   */
  private static boolean registersProvider(Path file) {
    try {
      String source = Files.readString(file, StandardCharsets.UTF_8);
      boolean testPlayingTheApplication =
          file.toString().contains("/src/test/") && source.contains("@SuppressForbidden(");
      return GLOBAL_PROVIDER_REGISTRATION.matcher(source).find() && !testPlayingTheApplication;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
