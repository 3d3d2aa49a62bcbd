package com.zeues.connector.master;

import com.zeues.connector.sheets.A1Ranges;
import com.zeues.connector.sheets.SheetsGateway;
import com.zeues.connector.sheets.SheetsGateway.SheetRange;
import java.io.IOException;
import java.util.List;

/** Reads the three master-data sheets in one {@code values.batchGet} and parses them. */
public final class SheetReader {

    private static final List<String> SHEETS = List.of(MasterDataParser.OPERACIONES, MasterDataParser.TRABAJADORES,
            MasterDataParser.ROLES);

    private final SheetsGateway gateway;
    private final MasterDataParser parser;

    public SheetReader(SheetsGateway gateway, MasterDataParser parser) {
        this.gateway = gateway;
        this.parser = parser;
    }

    public ParsedMasterData read() throws IOException, SheetStructureException {
        List<SheetRange> ranges = gateway.batchGet(SHEETS.stream().map(A1Ranges::wholeSheet).toList());
        return parser.parse(table(0, ranges), table(1, ranges), table(2, ranges));
    }

    private static SheetTable table(int i, List<SheetRange> ranges) {
        SheetRange r = ranges.get(i);
        return new SheetTable(SHEETS.get(i), r.firstRow(), r.values());
    }
}
