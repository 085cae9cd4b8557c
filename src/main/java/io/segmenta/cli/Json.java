package io.segmenta.cli;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The CLI's JSON output: pretty-printed, snake_case keys chosen by each command, UTF-8. */
final class Json {
    static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Json() { }

    static ObjectNode object() { return MAPPER.createObjectNode(); }

    static String write(Object node) { return MAPPER.writeValueAsString(node); }
}
