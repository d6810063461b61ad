package io.sitroom.security;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A one-use ticket to open a WebSocket, stored only as its SHA-256, standing for the bearer token it was issued
 * to (by that token's hash). In the database, not in memory: the upgrade may reach another node.
 */
@Entity
@Table(name = "ws_ticket")
public class WsTicket extends PanacheEntityBase {

    @Id
    @Column(name = "ticket_hash", length = 64)
    public String ticketHash;

    @Column(name = "token_hash", nullable = false, length = 64)
    public String tokenHash;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
