import { Table, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ContactInfoReport, ContactInfoReportRow } from '../../../shared/api/reports';
import { VirtualTable, type Column } from '../../components/VirtualTable';

const FIXED = new Set(['objectType', 'name', 'counterpartyName', 'position']);

function cellOf(row: ContactInfoReportRow, key: string, objectLabel: (o: string) => string): string {
  switch (key) {
    case 'objectType':
      return objectLabel(row.objectType);
    case 'name':
      return row.name;
    case 'counterpartyName':
      return row.objectType === 'counterparty' ? '' : (row.counterpartyName ?? '');
    case 'position':
      return row.position ?? '';
    default:
      return row.values[key] ?? '';
  }
}

/** The generated report on screen: the server's columns, fixed ones first, then one per kind. */
export function ContactInfoReportTable({ report }: { report: ContactInfoReport }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const objectLabel = (o: string) => t(`report.objectTypes.${o}`);
  const label = (key: string) => t(FIXED.has(key) ? `report.columns.${key}` : `contactInfoKinds.${key}`, { defaultValue: key });

  if (report.rows.length === 0) {
    return (
      <Table>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td>
              <Text c="dimmed" data-testid="report-empty">
                {t('common.nothingFound')}
              </Text>
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    );
  }
  const columns: Column<ContactInfoReportRow>[] = report.columns.map((c) => ({
    key: c.key,
    header: label(c.key),
    width: c.key === 'objectType' ? 150 : c.key === 'name' ? '20%' : undefined,
    render: (row) => {
      const text = cellOf(row, c.key, objectLabel);
      return <span title={text}>{text}</span>;
    },
  }));
  const open = (row: ContactInfoReportRow) =>
    navigate(row.objectType === 'counterparty' ? `/counterparties/${row.id}` : `/contact-persons/${row.id}`);

  return (
    <VirtualTable
      rows={report.rows}
      columns={columns}
      rowKey={(r) => `${r.objectType}-${r.id}`}
      onRowClick={open}
      height="calc(100vh - 460px)"
      testId="report-table"
      rowTestId="report-row"
    />
  );
}
