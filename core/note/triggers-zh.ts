// Chinese assertion triggers (same categories as triggers-en.ts), written for this project. Each
// trigger is a run of characters; Chinese notes end a scope at a comma as well (clauses).
import type { TriggerList } from './triggers';

export const CHINESE: TriggerList = {
  negated: {
    forward: ['无', '否认', '未见', '未及', '未闻及', '未发现', '没有', '未', '不伴', '不伴有', '排除', '无明显', '未诉', '不存在'],
    backward: ['阴性', '已排除', '消失', '不明显', '已除外'],
  },
  possible: {
    forward: ['疑似', '可疑', '考虑', '可能', '待排', '待排除', '需排除', '不除外', '疑为', '怀疑', '拟诊', '倾向'],
    backward: ['可能', '待排', '待排除', '不除外', '可能性大', '待查'],
  },
  historical: {
    forward: ['既往', '曾', '曾患', '曾有', '既往有', '病史', '过去', '以前'],
    backward: ['史', '病史', '既往史', '已治愈', '治愈'],
  },
  hypothetical: {
    forward: ['一旦', '如出现', '若出现', '警惕', '预防', '必要时', '需要时'],
    backward: ['时', '的话', '风险'],
    both: ['如', '如果', '若', '如有'],
  },
  other: {
    forward: ['母亲', '父亲', '其母', '其父', '妻子', '丈夫', '其妻', '其夫', '哥哥', '姐姐', '弟弟', '妹妹', '儿子', '女儿', '家属',
      '家族史', '家人', '同事', '室友', '邻居', '配偶'],
    backward: ['家族史'],
  },
  pseudo: ['无明显变化', '无变化', '不仅', '革兰阴性', '例如', '比如', '如下', '未来', '无明显诱因', '未见好转', '无好转', '现病史'],
  terminate: ['但', '但是', '然而', '而', '却'],
};
