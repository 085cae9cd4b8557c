package io.segmenta.core.io;

/** A file an import read: its path as given, size and SHA-256 of its bytes (hex). */
public record SourceFile(String path, long sizeBytes, String sha256) { }
