package com.zeues.occupation.command;

import com.zeues.domain.model.CommandType;
import com.zeues.domain.model.Operacion;
import com.zeues.domain.model.Resultado;
import com.zeues.domain.model.SpoolCommand;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Builds commands with their ids: the request id is the client's Idempotency-Key or a fresh UUID; the
 * correlation id is always fresh, so two retries in flight each get their own answer.
 */
@Component
public class CommandFactory {

    private final ReplyListener replies;

    public CommandFactory(ReplyListener replies) {
        this.replies = replies;
    }

    public SpoolCommand create(CommandType type, String tag, int workerId, Operacion op, LocalDate fecha,
                               Resultado resultado, String motivo, String idempotencyKey) {
        boolean idempotent = idempotencyKey != null;
        String requestId = idempotent ? idempotencyKey : UUID.randomUUID().toString();
        return new SpoolCommand(requestId, idempotent, UUID.randomUUID().toString(), replies.replyPartition(), type,
                tag, workerId, op, fecha, resultado, motivo);
    }
}
