package com.zeues.occupation.api;

import com.zeues.domain.time.BusinessTime;
import com.zeues.occupation.streams.StoresUnavailableException;
import com.zeues.occupation.views.EventsPerDay;
import com.zeues.occupation.views.SpoolListings;
import com.zeues.occupation.views.ViewConsumer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The supervisors' dashboard reads of contract §3, from the read views. */
@RestController
@RequestMapping(path = "/api/dashboard", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Panel", description = "Spools ocupados y conteos para el panel de supervisión")
public class DashboardController {

    private final SpoolListings listings;
    private final EventsPerDay eventsPerDay;
    private final ViewConsumer views;
    private final BusinessTime time;

    public DashboardController(SpoolListings listings, EventsPerDay eventsPerDay, ViewConsumer views,
                               BusinessTime time) {
        this.listings = listings;
        this.eventsPerDay = eventsPerDay;
        this.views = views;
        this.time = time;
    }

    @GetMapping("/occupied")
    @Operation(summary = "Spools ocupados ahora, la ocupación más reciente primero")
    public List<Map<String, Object>> occupied() {
        ready("/api/dashboard/occupied");
        return listings.occupied().stream().map(SpoolListings::occupiedItem).toList();
    }

    @GetMapping("/resumen")
    @Operation(summary = "Conteos: spools por estado de cada operación, ocupados por operación, bloqueados, "
            + "eventos de hoy")
    public Map<String, Object> resumen() {
        ready("/api/dashboard/resumen");
        LocalDate today = time.today(Instant.now());
        return listings.resumen(eventsPerDay.on(today), today);
    }

    private void ready(String path) {
        if (!views.caughtUp()) {
            throw new StoresUnavailableException("read views loading for " + path);
        }
    }
}
