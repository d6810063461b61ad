package io.sitroom.hseep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.sitroom.exercise.Scenario;
import io.sitroom.exercise.ScenarioParser;

/** The HSEEP documents say how an inject reaches the players: a line in a module, a row of the controller's script. */
class HseepMediumTest {

    private static final HseepModel.Header HEADER = new HseepModel.Header("x", "x", 0, null, "2026-01-01T00:00:00.000Z");

    private static Scenario scenario(String file) throws Exception {
        return ScenarioParser.parse(file, Files.readString(Path.of("scenarios", file))).scenario();
    }

    @Test
    void aTimedMediumInject_namesItsMedium_inTheSituationManualsModule() throws Exception {
        HseepModel.SituationManual sitman = HseepModel.situationManual(HEADER, scenario("ddos-extortion-launch.yaml"));
        assertEquals("E-mail from Cobalt Kraken <cobalt.kraken@proton.example> to press@kestrelpay.example, security@kestrelpay.example,"
                + " investors@kestrelpay.example: \"Kestrel Card launch - read carefully\"", sitman.modules().get(0).medium());
        assertNull(sitman.modules().get(1).medium(), "a plain inject has no medium line");
    }

    @Test
    void everyMediumInject_namesItsMedium_inTheHandbook() throws Exception {
        HseepModel.Handbook handbook = HseepModel.handbook(HEADER, scenario("ransomware-friday-night.yaml"));
        java.util.Map<String, String> media = new java.util.HashMap<>();
        handbook.script().forEach(l -> media.put(l.id(), l.medium()));
        assertEquals("Phone call from Marieke de Wit, CEO (from the Algarve) to Incident commander, on their mobile (2:40)",
                media.get("ceo-escalation"));
        assertEquals("News article: Vrachtnieuws, \"Ransomware gang claims theft of payroll data at Nordhaven Freight\" (by Sanne Brouwer)",
                media.get("vrachtnieuws-article"));
        assertEquals("Document: Ransom note (copy from FS01, found on every share) (!!!_VEILBREAK_README_!!!.txt), TLP:AMBER, incident evidence",
                media.get("ransom-note"));
        assertNull(media.get("soc-alert"));
    }
}
