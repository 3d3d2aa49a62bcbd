package com.zeues.occupation.command;

import com.zeues.occupation.cluster.MasterDataReadiness;
import com.zeues.occupation.streams.TopologyRunner;
import com.zeues.occupation.views.ViewConsumer;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Whether a command may be sent now; when not, the reason a 503 gives. Cheap: checked on every command. */
@Component
public class CommandReadiness {

    private final TopologyRunner runner;
    private final MasterDataReadiness masterData;
    private final ReplyListener replies;
    private final ViewConsumer views;

    public CommandReadiness(TopologyRunner runner, MasterDataReadiness masterData, ReplyListener replies,
                            ViewConsumer views) {
        this.runner = runner;
        this.masterData = masterData;
        this.replies = replies;
        this.views = views;
    }

    /** Empty when commands can be decided; otherwise why not. */
    public Optional<String> blocker() {
        if (!runner.isTopologyRunning()) {
            return Optional.of("la topología no está en ejecución (estado " + runner.state() + ")");
        }
        if (!replies.assigned()) {
            return Optional.of("el consumidor de respuestas aún no tiene su partición");
        }
        if (!masterData.loaded()) {
            return Optional.of("los datos maestros aún no están cargados");
        }
        if (!views.caughtUp()) {
            return Optional.of("las vistas de lectura aún se están cargando");
        }
        return Optional.empty();
    }
}
