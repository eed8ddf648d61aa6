package io.sourced.app.it;

class PostgresGatewayIT extends GatewayScenarios {

    @Override
    Database database() {
        return Database.postgres();
    }
}
