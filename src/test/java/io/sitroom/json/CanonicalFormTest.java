package io.sitroom.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CanonicalFormTest {

    @Test
    void write_refusesValues_thatHaveNoAgreedJsonForm() {
        // A double has no single decimal form everyone agrees on; a hash over a guess could not be reproduced.
        assertThrows(IllegalArgumentException.class, () -> CanonicalForm.write(List.of(1.5)));
        assertThrows(IllegalArgumentException.class, () -> CanonicalForm.write(Map.of(1, "a")));
        assertThrows(IllegalArgumentException.class, () -> CanonicalForm.write(new Object()));
    }

    @Test
    void write_sortsKeys_andWritesNumbersPlainly() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("c", null);
        value.put("b", new BigDecimal("1.50E1"));
        value.put("a", Arrays.asList(1L, (short) 2, new BigInteger("12345678901234567890"), "x", null, true));
        assertEquals("{\"a\":[1,2,12345678901234567890,\"x\",null,true],\"b\":15,\"c\":null}", CanonicalForm.write(value));
    }
}
