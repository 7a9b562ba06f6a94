import { App, AutoComplete, Button, Card, Col, DatePicker, Form, Input, InputNumber, Popconfirm, Row, Select, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { designationLevels, type DesignationLevel } from '../../../../../src/domain/org';
import { dateFieldProps, showDate, thisYear } from '../../../ui/dates';
import { FormModal } from '../../../ui/FormModal';
import { useApiError } from '../../../ui/use-api-error';
import { useRequest } from '../../../ui/use-request';
import { createDesignation, deleteDesignation, listDesignations, type CreateDesignationBody, type Designation } from '../api';

// Titles the county awards most often (from the yearly speeches); any other title may be typed.
const commonTitles = ['规范化建设达标单位', '模范职工之家', '工人先锋号', '五好基层妇女组织', '巾帼文明岗', '青年文明号', '五四红旗团组织', '示范家长学校', '先进基层组织'].map((value) => ({ value }));
const levelOptions = designationLevels.map((l) => ({ value: l, label: l }));
const fields = ['title', 'level', 'year', 'awardedOn', 'note'] as const;

interface Values {
  title: string;
  level: DesignationLevel;
  year: number;
  awardedOn?: string;
  note?: string;
}

/** Designations (荣誉/命名) of one unit, by year. */
export function DesignationsPanel({ orgId, canWrite }: { orgId: string; canWrite: boolean }) {
  const { data, loading, reload } = useRequest(() => listDesignations(orgId), [orgId]);
  const [adding, setAdding] = useState(false);
  const { message } = App.useApp();
  const showError = useApiError();
  const currentYear = thisYear();

  const remove = async (d: Designation) => {
    try {
      await deleteDesignation(d.id);
      void message.success('已删除');
      reload();
    } catch (e) {
      showError(e);
    }
  };

  const columns: TableColumnsType<Designation> = [
    { title: '年度', dataIndex: 'year', width: 80 },
    { title: '称号', dataIndex: 'title', width: 200 },
    { title: '级别', dataIndex: 'level', width: 80 },
    { title: '命名日期', dataIndex: 'awardedOn', width: 130, render: (v: string | null) => showDate(v) },
    { title: '备注', dataIndex: 'note', width: 160, render: (v: string | null) => v || '—' },
  ];
  if (canWrite) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 80,
      render: (_v, d) => (
        <Popconfirm title={`删除「${d.year}年 ${d.title}」？`} okText="删除" cancelText="取消" onConfirm={() => remove(d)}>
          <Button type="link" danger size="small">
            删除
          </Button>
        </Popconfirm>
      ),
    });
  }

  const submit = async (v: Values) => {
    const body: CreateDesignationBody = { title: v.title.trim(), level: v.level, year: v.year };
    if (v.awardedOn) body.awardedOn = v.awardedOn;
    if (v.note?.trim()) body.note = v.note.trim();
    await createDesignation(orgId, body);
    void message.success('已添加');
    setAdding(false);
    reload();
  };

  return (
    <Card title="荣誉称号" size="small" extra={canWrite ? <Button size="small" onClick={() => setAdding(true)}>添加</Button> : null}>
      <Table<Designation> rowKey="id" size="small" columns={columns} dataSource={data?.items ?? []} loading={loading} pagination={false} scroll={{ x: 640 }} locale={{ emptyText: '暂无荣誉称号' }} />
      <FormModal<Values> open={adding} title="添加荣誉称号" fields={fields} initialValues={{ year: currentYear, level: '县级' }} onClose={() => setAdding(false)} onSubmit={submit}>
        <Form.Item label="称号" name="title" rules={[{ required: true, whitespace: true, message: '请填写称号' }, { max: 100, message: '称号不能超过 100 个字符' }]}>
          <AutoComplete options={commonTitles} placeholder="如：规范化建设达标单位" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <Form.Item label="级别" name="level" rules={[{ required: true, message: '请选择级别' }]}>
              <Select options={levelOptions} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}>
              <InputNumber min={1949} max={currentYear + 1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item label="命名日期" name="awardedOn" {...dateFieldProps}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="备注" name="note" rules={[{ max: 200, message: '备注不能超过 200 个字符' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
