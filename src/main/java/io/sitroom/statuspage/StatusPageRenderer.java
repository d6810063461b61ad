package io.sitroom.statuspage;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/** Renders every document of the page at one version: the HTML page, the Atom feed, the Statuspage JSON. */
@ApplicationScoped
class StatusPageRenderer {

    private final Template html;
    private final Template atom;
    private final ObjectMapper mapper;
    private final StatusPageConfig config;

    StatusPageRenderer(@Location("statuspage/status.html") Template html, @Location("statuspage/feed.xml") Template atom, ObjectMapper mapper,
            StatusPageConfig config) {
        this.html = html;
        this.atom = atom;
        this.mapper = mapper;
        this.config = config;
    }

    Map<StatusPage.Document, byte[]> render(StatusPageModel model) {
        StatusPageView view = StatusPageView.of(model, config);
        StatuspageJson.Page page = StatuspageJson.page(model, config);
        StatuspageJson.Status status = StatuspageJson.status(model);
        List<StatuspageJson.Incident> incidents = StatuspageJson.incidents(model.incidents(), config);
        List<StatuspageJson.Incident> unresolved = StatuspageJson.incidents(model.unresolved(), config);
        Map<StatusPage.Document, byte[]> documents = new EnumMap<>(StatusPage.Document.class);
        documents.put(StatusPage.Document.HTML, html.data("view", view).render().getBytes(StandardCharsets.UTF_8));
        documents.put(StatusPage.Document.ATOM, atom.data("view", view).render().getBytes(StandardCharsets.UTF_8));
        documents.put(StatusPage.Document.STATUS, json(new StatuspageJson.StatusDocument(page, status)));
        documents.put(StatusPage.Document.SUMMARY, json(new StatuspageJson.SummaryDocument(page, StatuspageJson.components(model, config),
                unresolved, List.of(), status)));
        documents.put(StatusPage.Document.INCIDENTS, json(new StatuspageJson.IncidentsDocument(page, incidents)));
        documents.put(StatusPage.Document.UNRESOLVED, json(new StatuspageJson.IncidentsDocument(page, unresolved)));
        return documents;
    }

    private byte[] json(Object document) {
        try {
            return mapper.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the status page's JSON", e);
        }
    }
}
