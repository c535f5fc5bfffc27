// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.project;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public API of every iotpki library module as sorted text, one line per public or protected
 * type and member of its exported packages (qualified exports are internal): what the committed
 * {@code api/<module>.api} files record.
 */
final class ApiSignatures {
  private static final int TYPE_MODIFIERS = Modifier.PUBLIC | Modifier.PROTECTED
      | Modifier.ABSTRACT | Modifier.STATIC | Modifier.FINAL;

  private ApiSignatures() {}

  /** Module name to its API lines, for every {@code org.iotpki.*} module on the class path. */
  static Map<String, List<String>> ofLibraryModules() throws IOException {
    ClassLoader loader = ApiSignatures.class.getClassLoader();
    Map<String, List<String>> modules = new TreeMap<>();
    for (URL url : Collections.list(loader.getResources("module-info.class"))) {
      ModuleDescriptor descriptor;
      try (InputStream in = url.openStream()) {
        descriptor = ModuleDescriptor.read(in);
      }
      if (descriptor.name().startsWith("org.iotpki.")) {
        Set<String> exported = descriptor.exports().stream()
            .filter(export -> !export.isQualified())
            .map(ModuleDescriptor.Exports::source)
            .collect(Collectors.toSet());
        modules.put(descriptor.name(), signatures(url, exported, loader));
      }
    }
    return modules;
  }

  private static List<String> signatures(URL moduleInfo, Set<String> packages, ClassLoader loader)
      throws IOException {
    String location = moduleInfo.toString();
    String rootUri = location.substring(0, location.length() - "module-info.class".length());
    List<String> classNames;
    if (rootUri.startsWith("jar:")) {
      try (FileSystem jar = FileSystems.newFileSystem(URI.create(rootUri.substring(0,
          rootUri.indexOf("!/") + 2)), Map.of())) {
        classNames = classNames(jar.getPath("/"), packages);
      }
    } else {
      classNames = classNames(Path.of(URI.create(rootUri)), packages);
    }
    List<String> lines = new ArrayList<>();
    for (String name : classNames) {
      Class<?> type;
      try {
        type = Class.forName(name, false, loader);
      } catch (ClassNotFoundException e) {
        throw new IOException("cannot load " + name, e);
      }
      if (visible(type)) {
        lines.addAll(describe(type));
      }
    }
    Collections.sort(lines);
    return lines;
  }

  private static List<String> classNames(Path root, Set<String> packages) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.map(file -> root.relativize(file).toString().replace('\\', '/'))
          .filter(file -> file.endsWith(".class") && !file.endsWith("module-info.class")
              && !file.endsWith("package-info.class") && !file.matches(".*\\$[0-9].*"))
          .map(file -> file.substring(0, file.length() - ".class".length()).replace('/', '.'))
          .filter(name -> packages.contains(name.substring(0, name.lastIndexOf('.'))))
          .sorted()
          .toList();
    }
  }

  private static boolean visible(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
      if (!Modifier.isPublic(c.getModifiers()) && !Modifier.isProtected(c.getModifiers())) {
        return false;
      }
    }
    return !type.isSynthetic();
  }

  private static List<String> describe(Class<?> type) {
    List<String> lines = new ArrayList<>();
    String name = type.getName();
    lines.add(name + " : " + header(type));
    for (Field field : type.getDeclaredFields()) {
      if (exposed(field) && !field.isSynthetic()) {
        lines.add(name + " . " + field.toGenericString().replace(name + ".", ""));
      }
    }
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      if (exposed(constructor) && !constructor.isSynthetic()) {
        lines.add(name + " . " + executable(constructor, name));
      }
    }
    for (Method method : type.getDeclaredMethods()) {
      if (exposed(method) && !method.isSynthetic() && !method.isBridge()) {
        lines.add(name + " . " + executable(method, name));
      }
    }
    return lines;
  }

  private static String header(Class<?> type) {
    StringBuilder header = new StringBuilder(Modifier.toString(type.getModifiers() & TYPE_MODIFIERS));
    header.append(type.isAnnotation() ? " @interface" : type.isInterface() ? " interface"
        : type.isEnum() ? " enum" : type.isRecord() ? " record" : " class");
    if (type.getGenericSuperclass() != null && !type.isEnum() && !type.isRecord()
        && type.getSuperclass() != Object.class) {
      header.append(" extends ").append(type.getGenericSuperclass().getTypeName());
    }
    if (type.getGenericInterfaces().length > 0) {
      header.append(type.isInterface() ? " extends " : " implements ").append(
          Arrays.stream(type.getGenericInterfaces()).map(t -> t.getTypeName())
              .collect(Collectors.joining(", ")));
    }
    if (type.isSealed()) {
      header.append(" permits ").append(Arrays.stream(type.getPermittedSubclasses())
          .map(Class::getName).sorted().collect(Collectors.joining(", ")));
    }
    return header.toString().trim();
  }

  private static boolean exposed(Member member) {
    return Modifier.isPublic(member.getModifiers()) || Modifier.isProtected(member.getModifiers());
  }

  private static String executable(Executable executable, String typeName) {
    return executable.toGenericString().replace(typeName + ".", "");
  }
}
