package dev.ashlar.spring;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Spring's data source as Ashlar borrows from it: a connection is taken with
 * {@link DataSourceUtils#getConnection}, so inside a Spring-managed transaction it is that
 * transaction's connection, and closing it is {@link DataSourceUtils#releaseConnection}, which
 * leaves a transaction's connection to Spring. Unlike Spring's {@code TransactionAwareDataSourceProxy},
 * the handed-out connection unwraps to the pool's, so Ashlar's statement cache works across borrowings.
 */
final class SpringDataSource extends DelegatingDataSource {
    /** What a connection handed out by this data source also is: whether Spring's transaction owns it. */
    interface Handed {
        boolean inSpringTransaction();
    }

    SpringDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() {
        DataSource target = obtainTargetDataSource();
        Connection connection = DataSourceUtils.getConnection(target);
        boolean transactional = DataSourceUtils.isConnectionTransactional(connection, target);
        return (Connection) Proxy.newProxyInstance(SpringDataSource.class.getClassLoader(), new Class<?>[]{Connection.class, Handed.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "inSpringTransaction":
                            return transactional;
                        case "close":
                            DataSourceUtils.releaseConnection(connection, target);
                            return null;
                        case "equals":
                            return proxy == args[0];
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        default:
                            try {
                                return method.invoke(connection, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                    }
                });
    }

    /** Whether {@code connection}, handed out by this data source, belongs to a Spring-managed transaction. */
    static boolean isManaged(Connection connection) {
        return connection instanceof Handed handed && handed.inSpringTransaction();
    }
}
