package io.sourced.command.finance;

import io.sourced.command.refusal.ConflictRefusal;

public class UsernameTakenException extends ConflictRefusal {

    public UsernameTakenException(String username) {
        super("username " + username + " is taken");
    }
}
