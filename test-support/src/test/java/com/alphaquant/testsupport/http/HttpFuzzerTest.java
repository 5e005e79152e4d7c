package com.alphaquant.testsupport.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HttpFuzzerTest {

    static final String BODY = """
            {"a":"va","b":"vb","c":"vc","d":"vd","e":"ve","f":{"g":"vg","h":"vh"}}""";

    @Test
    void severalSpoiledFieldsKeepTheirNastyValues() {
        HttpFuzzer fuzzer = new HttpFuzzer("localhost", 1, 42);
        int most = IntStream.range(0, 200).map(i -> nastyFields(fuzzer.spoil(BODY, 3))).max().orElseThrow();

        // Each of three spoils keeps its value: not only the last one, the others reset to null.
        assertThat(most).isEqualTo(3);
    }

    @Test
    void noMarkerIsLeftInTheText() {
        HttpFuzzer fuzzer = new HttpFuzzer("localhost", 1, 7);
        IntStream.range(0, 200).forEach(i -> assertThat(fuzzer.spoil(BODY, 3)).doesNotContain("\u0001"));
    }

    /** Fields neither with their original value, nor removed, nor null. */
    private static int nastyFields(String json) {
        int n = 0;
        for (String name : new String[] {"a", "b", "c", "d", "e", "g", "h"}) {
            if (json.contains("\"" + name + "\":") && !json.contains("\"" + name + "\":\"v" + name + "\"")
                    && !json.contains("\"" + name + "\":null")) {
                n++;
            }
        }
        return n;
    }
}
