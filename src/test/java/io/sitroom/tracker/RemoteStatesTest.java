package io.sitroom.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sitroom.error.SitroomException;

class RemoteStatesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text.replace('\'', '"'));
    }

    @Test
    void github_closedAndReopened_areStates_otherActionsAndEventsAreNot() throws Exception {
        var closed = RemoteStates.github("issues", json("{'action':'closed','issue':{'number':7,'state':'closed','state_reason':'completed'},"
                + "'repository':{'full_name':'acme/ops'}}")).orElseThrow();
        assertEquals("acme/ops#7", closed.key());
        assertEquals("closed", closed.state());
        assertTrue(closed.closed() && closed.completed());
        var notPlanned = RemoteStates.github("issues", json("{'action':'closed','issue':{'number':7,'state_reason':'not_planned'},"
                + "'repository':{'full_name':'acme/ops'}}")).orElseThrow();
        assertTrue(notPlanned.closed());
        assertFalse(notPlanned.completed());
        var reopened = RemoteStates.github("issues", json("{'action':'reopened','issue':{'number':7},'repository':{'full_name':'acme/ops'}}"))
                .orElseThrow();
        assertEquals("open", reopened.state());
        assertTrue(RemoteStates.github("issues", json("{'action':'edited','issue':{'number':7},'repository':{'full_name':'acme/ops'}}")).isEmpty());
        assertTrue(RemoteStates.github("ping", json("{'zen':'Keep it logically awesome.'}")).isEmpty());
        assertThrows(SitroomException.class, () -> RemoteStates.github("issues", json("{'action':'closed','issue':{},'repository':{}}")));
    }

    @Test
    void jira_anIssueUpdatedWithAStatusChange_givesTheStatusCategory() throws Exception {
        var done = RemoteStates.jira(json("{'webhookEvent':'jira:issue_updated','issue':{'key':'OPS-24','fields':{'status':{'name':'Done',"
                + "'statusCategory':{'key':'done'}}}},'changelog':{'items':[{'field':'status','fieldId':'status','fromString':'To Do',"
                + "'toString':'Done'}]}}")).orElseThrow();
        assertEquals("OPS-24", done.key());
        assertEquals("done", done.state());
        assertEquals("Done", done.status());
        assertTrue(done.completed());
        assertTrue(RemoteStates.jira(json("{'webhookEvent':'jira:issue_updated','issue':{'key':'OPS-24'},'changelog':{'items':[{'field':"
                + "'summary'}]}}")).isEmpty());
        assertTrue(RemoteStates.jira(json("{'webhookEvent':'jira:issue_created','issue':{'key':'OPS-24'}}")).isEmpty());
        assertThrows(SitroomException.class, () -> RemoteStates.jira(json("{'webhookEvent':'jira:issue_updated','issue':{'key':'OPS-24'},"
                + "'changelog':{'items':[{'field':'status'}]}}")));
    }
}
