import { Button, Menu, Tooltip } from '@mantine/core';
import { IconCalendarEvent, IconChevronDown, IconFilePlus, IconShoppingCart } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Event } from '../../../shared/api/events';

/** «Создать на основании»: a follow-up event now; a customer order once the orders module exists. */
export function CreateBasedOnMenu({ event }: { event: Event }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="light"
          leftSection={<IconFilePlus size={16} />}
          rightSection={<IconChevronDown size={14} />}
          data-testid="event-based-on"
        >
          {t('events.basedOn.menu')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          leftSection={<IconCalendarEvent size={16} />}
          data-testid="event-based-on-event"
          onClick={() => navigate(`/events/new?basisId=${encodeURIComponent(event.id)}`)}
        >
          {t('events.basedOn.followUp')}
        </Menu.Item>
        <Tooltip label={t('events.basedOn.orderUnavailable')} position="left" withinPortal>
          {/* A disabled item gets no pointer events; the wrapper keeps the tooltip working. */}
          <div data-testid="event-based-on-order-wrapper">
            <Menu.Item leftSection={<IconShoppingCart size={16} />} disabled data-testid="event-based-on-order">
              {t('events.basedOn.customerOrder')}
            </Menu.Item>
          </div>
        </Tooltip>
      </Menu.Dropdown>
    </Menu>
  );
}
