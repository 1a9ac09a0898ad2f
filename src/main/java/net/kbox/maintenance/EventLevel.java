package net.kbox.maintenance;

public enum EventLevel {
    INFO,
    WARNING,
    ERROR
}
